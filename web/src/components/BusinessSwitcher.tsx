import { useEffect, useId, useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { loadSession, saveSession } from '../api/session';
import { useApp } from '../context';

/**
 * The business in the top bar: its name, or, for someone in several
 * businesses, a switcher. Switching keeps the session and changes the business
 * it acts for (`X-Business-Id`), then reloads the page so every view reads the
 * chosen business.
 */
export function BusinessSwitcher() {
  const { t, business } = useApp();
  const [memberships, setMemberships] = useState<Schemas['UserMembershipDto'][]>([]);
  const id = useId();

  useEffect(() => {
    api
      .GET('/api/auth/memberships')
      .then(({ data }) => data && setMemberships(data.data))
      .catch(() => undefined);
    // Again when the business is renamed, so the switcher shows the new name.
  }, [business?.id, business?.name]);

  if (!business) return null;
  if (memberships.length < 2)
    return (
      <span class="business-name" title={t('app.business', { name: business.name })}>
        {business.name}
      </span>
    );

  const choose = (businessId: string) => {
    const session = loadSession();
    if (!session || businessId === session.businessId) return;
    saveSession({ ...session, businessId });
    location.reload();
  };
  return (
    <span class="business-switcher">
      <label for={id} class="sr-only">
        {t('switcher.label')}
      </label>
      <select id={id} value={business.id} onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}>
        {memberships.map((m) => (
          <option key={m.businessId} value={m.businessId}>
            {m.businessName}
          </option>
        ))}
      </select>
    </span>
  );
}
