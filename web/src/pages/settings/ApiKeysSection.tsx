import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors } from '../../api/problem';
import { CopyRow } from '../../components/CopyButton';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { FormAlert, Loading, Section, useLoad, useSubmit } from './common';

const FIELDS = ['name', 'role'] as const;

/** API keys (owners and admins): create (the secret is shown here once, with a copy button) and revoke. */
export function ApiKeysSection() {
  const { t, fmt, announce } = useApp();
  const load = useLoad(() => api.GET('/api/api-keys', { params: { query: { limit: 100 } } }));
  const [created, setCreated] = useState<Schemas['CreatedApiKeyDto'] | null>(null);
  const [values, setValues] = useState({ name: '', role: 'staff' as 'admin' | 'staff' });
  const [rowError, setRowError] = useState<string | null>(null);
  const { errors, setErrors, busy, run } = useSubmit(FIELDS);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!values.name.trim()) return setErrors({ fields: { name: t('errors.required') }, form: t('errors.form') });
    void run(
      () => api.POST('/api/api-keys', { body: { name: values.name.trim(), role: values.role } }),
      (key) => {
        setCreated(key);
        setValues({ name: '', role: 'staff' });
        announce(t('settings.keys.created', { name: key.name }));
        load.reload();
      },
    );
  };

  const revoke = async (key: Schemas['ApiKeyDto']) => {
    setRowError(null);
    try {
      const result = await api.DELETE('/api/api-keys/{id}', { params: { path: { id: key.id } } });
      if (result.response.ok) {
        announce(t('settings.keys.revoked', { name: key.name }));
        if (created?.id === key.id) setCreated(null);
      } else setRowError(formErrors(result.error, result.response.status, [], t).form ?? null);
    } catch {
      setRowError(t('errors.network'));
    }
    load.reload();
  };

  return (
    <Section id="keys" title={t('settings.keys.title')} intro={t('settings.keys.intro')}>
      <form onSubmit={submit} noValidate aria-label={t('settings.keys.create')}>
        <FormAlert message={errors.form} />
        <div class="form-grid">
          <Field
            name="name"
            label={t('settings.keys.name')}
            required
            value={values.name}
            onValue={(name) => setValues((v) => ({ ...v, name }))}
            error={errors.fields.name}
            autoComplete="off"
          />
          <Field
            name="role"
            label={t('settings.keys.role')}
            as="select"
            value={values.role}
            onValue={(role) => setValues((v) => ({ ...v, role: role === 'admin' ? 'admin' : 'staff' }))}
            error={errors.fields.role}
            options={(['staff', 'admin'] as const).map((r) => ({ value: r, label: t(`settings.role.${r}`) }))}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('settings.keys.create')}
          </button>
        </div>
      </form>
      {created && (
        <div class="secret" role="region" aria-label={t('settings.keys.secretTitle')}>
          <p>
            <strong>{t('settings.keys.secretTitle')}</strong> {t('settings.keys.secretOnce')}
          </p>
          <CopyRow text={created.key} label={t('settings.keys.secret')} copyLabel={t('settings.keys.copy')} />
          <button type="button" class="button button-small" onClick={() => setCreated(null)}>
            {t('settings.keys.stored')}
          </button>
        </div>
      )}
      <FormAlert message={rowError} />
      {!load.data ? (
        <Loading error={load.error} />
      ) : load.data.data.length === 0 ? (
        <p class="empty">{t('settings.keys.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table rows-table keys-table">
            <caption class="sr-only">{t('settings.keys.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.keys.name')}</th>
                <th scope="col">{t('settings.keys.prefix')}</th>
                <th scope="col">{t('settings.keys.role')}</th>
                <th scope="col">{t('settings.keys.lastUsed')}</th>
                <th scope="col">{t('settings.team.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.data.map((key) => (
                <tr key={key.id}>
                  <th scope="row" data-label={t('settings.keys.name')}>
                    {key.name}
                  </th>
                  <td data-label={t('settings.keys.prefix')}>
                    <code dir="ltr">{key.prefix}…</code>
                  </td>
                  <td data-label={t('settings.keys.role')}>{t(`settings.role.${key.role}`)}</td>
                  <td data-label={t('settings.keys.lastUsed')}>{key.lastUsedAt ? fmt.dateTime(key.lastUsedAt) : t('settings.never')}</td>
                  <td data-label={t('settings.team.col.actions')}>
                    <button type="button" class="button button-small button-quiet" onClick={() => revoke(key)}>
                      {t('settings.keys.revoke')}
                      <span class="sr-only"> {key.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
