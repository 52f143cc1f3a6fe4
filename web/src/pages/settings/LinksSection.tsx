import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors } from '../../api/problem';
import { CopyRow } from '../../components/CopyButton';
import { useApp } from '../../context';
import { FormAlert, Loading, Section, useLoad } from './common';

/**
 * The public booking link (the business's public booking API, for a website or
 * booking widget) and each calendar's iCalendar feed: publish or rotate (the
 * link is shown once, with a copy button) and revoke.
 */
export function LinksSection() {
  const { t, business, announce } = useApp();
  const calendars = useLoad(() => api.GET('/api/calendars', { params: { query: { limit: 100 } } }));
  const [feeds, setFeeds] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const bookingUrl = business ? `${location.origin}/api/public/${business.slug}/services` : '';

  const act = async (calendar: Schemas['CalendarDto'], revoke: boolean) => {
    setError(null);
    try {
      if (revoke) {
        const result = await api.DELETE('/api/calendars/{id}/feed-token', { params: { path: { id: calendar.id } } });
        if (!result.response.ok) return setError(formErrors(result.error, result.response.status, [], t).form ?? null);
        setFeeds(({ [calendar.id]: _gone, ...rest }) => rest);
        announce(t('settings.links.feedRevoked', { name: calendar.name }));
      } else {
        const result = await api.POST('/api/calendars/{id}/feed-token', { params: { path: { id: calendar.id } } });
        if (!result.data) return setError(formErrors(result.error, result.response.status, [], t).form ?? null);
        const url = result.data.url;
        setFeeds((f) => ({ ...f, [calendar.id]: url }));
        announce(t('settings.links.feedCreated', { name: calendar.name }));
      }
      calendars.reload();
    } catch {
      setError(t('errors.network'));
    }
  };

  return (
    <Section id="links" title={t('settings.links.title')} intro={t('settings.links.intro')}>
      <h3 class="subhead">{t('settings.links.booking')}</h3>
      <p class="hint">{t('settings.links.bookingHint')}</p>
      <CopyRow text={bookingUrl} label={t('settings.links.booking')} copyLabel={t('settings.copy')} />
      <h3 class="subhead">{t('settings.links.feeds')}</h3>
      <p class="hint">{t('settings.links.feedsHint')}</p>
      <FormAlert message={error} />
      {!calendars.data ? (
        <Loading error={calendars.error} />
      ) : calendars.data.data.length === 0 ? (
        <p class="empty">{t('settings.links.noCalendars')}</p>
      ) : (
        <ul class="feed-list">
          {calendars.data.data.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>{' '}
              <span class="muted small">{c.feedEnabled ? t('settings.links.feedOn') : t('settings.links.feedOff')}</span>
              {feeds[c.id] && (
                <CopyRow text={feeds[c.id]} label={t('settings.links.feedOf', { name: c.name })} copyLabel={t('settings.copy')} />
              )}
              <div class="row-actions">
                <button type="button" class="button button-small" onClick={() => act(c, false)}>
                  {c.feedEnabled ? t('settings.links.rotate') : t('settings.links.publish')}
                  <span class="sr-only"> {c.name}</span>
                </button>
                {c.feedEnabled && (
                  <button type="button" class="button button-small button-quiet" onClick={() => act(c, true)}>
                    {t('settings.links.revoke')}
                    <span class="sr-only"> {c.name}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
