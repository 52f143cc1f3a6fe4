import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { CopyRow } from '../../components/CopyButton';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { FormAlert, Loading, Section, useLoad, useSubmit } from './common';

type Settings = Schemas['PaymentSettingsDto'];
type Provider = Settings['provider'];

/** Each gateway's credential fields (as the API's document lists them); the sandbox needs none. */
const CREDENTIALS: Record<Provider, { name: string; secret: boolean; optional?: boolean }[]> = {
  sandbox: [],
  cardcom: [
    { name: 'terminalNumber', secret: false },
    { name: 'apiName', secret: false },
    { name: 'apiPassword', secret: true },
  ],
  grow: [
    { name: 'userId', secret: false },
    { name: 'pageCode', secret: false },
    { name: 'apiKey', secret: true, optional: true },
  ],
  tranzila: [
    { name: 'terminalName', secret: false },
    { name: 'appKey', secret: true },
    { name: 'secret', secret: true },
  ],
};

/**
 * The payment gateway: what the API says (provider, configured, last 4 of the
 * account, webhook URL) and, for the owner, a form that replaces the credentials.
 * Credentials are write-only: the form starts empty and is emptied after saving.
 */
export function PaymentsSection() {
  const { t, me, fmt, announce } = useApp();
  const load = useLoad(() => api.GET('/api/business/payment-settings'));
  const isOwner = me?.role === 'owner';
  const settings = load.data;
  return (
    <Section id="payments" title={t('settings.payments.title')} intro={t('settings.payments.intro')}>
      {!settings ? (
        <Loading error={load.error} />
      ) : (
        <>
          <dl class="details payment-status">
            <dt>{t('settings.payments.provider')}</dt>
            <dd>
              {t(`settings.provider.${settings.provider}`)}
              {settings.source === 'default' && <span class="muted small"> · {t('settings.payments.default')}</span>}
            </dd>
            <dt>{t('settings.payments.configured')}</dt>
            <dd>{settings.configured ? t('settings.yes') : t('settings.payments.notConfigured')}</dd>
            {settings.credentialsLast4 && (
              <>
                <dt>{t('settings.payments.account')}</dt>
                <dd>
                  <bdi dir="ltr">••••{settings.credentialsLast4}</bdi>
                </dd>
              </>
            )}
            {settings.provider !== 'sandbox' && (
              <>
                <dt>{t('settings.payments.checked')}</dt>
                <dd>{settings.credentialsCheckedAt ? fmt.dateTime(settings.credentialsCheckedAt) : t('settings.payments.notChecked')}</dd>
              </>
            )}
            <dt>{t('settings.payments.maxInstallments')}</dt>
            <dd>{fmt.number(settings.maxInstallments)}</dd>
          </dl>
          <h3 class="subhead">{t('settings.payments.webhook')}</h3>
          <CopyRow text={settings.webhookUrl} label={t('settings.payments.webhook')} copyLabel={t('settings.copy')} />
          {isOwner ? (
            <PaymentForm
              settings={settings}
              onSaved={(saved) => {
                load.setData(saved);
                announce(t('settings.payments.saved'));
              }}
            />
          ) : (
            <p class="muted">{t('settings.ownerOnly')}</p>
          )}
        </>
      )}
    </Section>
  );
}

function PaymentForm(props: { settings: Settings; onSaved(s: Settings): void }) {
  const { t } = useApp();
  const [provider, setProvider] = useState<Provider>(props.settings.provider);
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [installments, setInstallments] = useState(String(props.settings.maxInstallments));
  const fields = CREDENTIALS[provider];
  const { errors, setErrors, busy, run } = useSubmit(['provider', 'maxInstallments', ...fields.map((f) => `credentials.${f.name}`)]);

  const submit = (event: Event) => {
    event.preventDefault();
    const missing = Object.fromEntries(
      fields.filter((f) => !f.optional && !credentials[f.name]?.trim()).map((f) => [`credentials.${f.name}`, t('errors.required')]),
    );
    if (Object.keys(missing).length) return setErrors({ fields: missing, form: t('settings.payments.allCredentials') });
    const given = Object.fromEntries(fields.filter((f) => credentials[f.name]?.trim()).map((f) => [f.name, credentials[f.name].trim()]));
    void run(
      () =>
        api.PUT('/api/business/payment-settings', {
          body: {
            provider,
            ...(fields.length ? { credentials: given } : {}),
            ...(installments.trim() ? { maxInstallments: Number(installments) } : {}),
          },
        }),
      (saved) => {
        setCredentials({});
        props.onSaved(saved);
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate class="payment-form" autoComplete="off" aria-label={t('settings.payments.change')}>
      <h3 class="subhead">{t('settings.payments.change')}</h3>
      <FormAlert message={errors.form} />
      <div class="form-grid">
        <Field
          name="provider"
          label={t('settings.payments.provider')}
          as="select"
          value={provider}
          onValue={(v) => {
            setProvider(v as Provider);
            setCredentials({});
            setErrors({ fields: {} });
          }}
          error={errors.fields.provider}
          options={(['sandbox', 'cardcom', 'grow', 'tranzila'] as const).map((p) => ({ value: p, label: t(`settings.provider.${p}`) }))}
        />
        <Field
          name="maxInstallments"
          label={t('settings.payments.maxInstallments')}
          dir="ltr"
          inputMode="numeric"
          value={installments}
          onValue={setInstallments}
          error={errors.fields.maxInstallments}
        />
        {fields.map((f) => (
          <Field
            key={`${provider}-${f.name}`}
            name={`credentials.${f.name}`}
            label={t(`settings.credential.${f.name}` as Parameters<typeof t>[0])}
            type={f.secret ? 'password' : 'text'}
            dir="ltr"
            autoComplete={f.secret ? 'new-password' : 'off'}
            required={!f.optional}
            value={credentials[f.name] ?? ''}
            onValue={(value) => setCredentials((c) => ({ ...c, [f.name]: value }))}
            error={errors.fields[`credentials.${f.name}`]}
          />
        ))}
      </div>
      <p class="hint">{fields.length ? t('settings.payments.writeOnly') : t('settings.payments.sandboxHint')}</p>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('settings.saving') : t('settings.payments.save')}
        </button>
      </div>
    </form>
  );
}
