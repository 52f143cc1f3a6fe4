import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors, type FormErrors } from '../../api/problem';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { displayPhone } from '../../format';
import { CHANNELS, channelLabel, templateLabel, type TemplateKey } from './labels';

type SendBody = Schemas['SendMessageDto'];
const FIELDS = ['channel', 'kind', 'customerId', 'to', 'template', 'subject', 'body', 'locale'] as const;
const SEARCH_DELAY_MS = 250;

interface Values {
  channel: SendBody['channel'];
  kind: SendBody['kind'];
  recipient: 'customer' | 'address';
  customerId: string;
  to: string;
  template: '' | TemplateKey;
  subject: string;
  body: string;
  locale: '' | 'he' | 'en';
}

/** Send an email or SMS to a customer (or an address): hand-written or from a template; marketing needs consent (the API's 422 is shown). */
export function SendTab(props: { onSent(): void }) {
  const { t, announce } = useApp();
  const [values, setValues] = useState<Values>({
    channel: 'email',
    kind: 'transactional',
    recipient: 'customer',
    customerId: '',
    to: '',
    template: '',
    subject: '',
    body: '',
    locale: '',
  });
  const [search, setSearch] = useState('');
  const [customers, setCustomers] = useState<Schemas['CustomerDto'][]>([]);
  const [keys, setKeys] = useState<TemplateKey[]>([]);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof Values>(name: K) =>
    (value: string) =>
      setValues((v) => ({ ...v, [name]: value as Values[K] }));

  useEffect(() => {
    api
      .GET('/api/notifications/templates', { params: { query: { limit: 100 } } })
      .then(({ data }) => data && setKeys(data.data.map((k) => k.key)))
      .catch(() => undefined);
  }, []);

  // Customers matching the search (the first ones with none), for the picker.
  useEffect(() => {
    if (values.recipient !== 'customer') return;
    const timer = setTimeout(() => {
      api
        .GET('/api/customers', { params: { query: { q: search.trim() || undefined, limit: 20 } } })
        .then(({ data }) => {
          if (!data) return;
          setCustomers(data.data);
          setValues((v) => (data.data.some((c) => c.id === v.customerId) ? v : { ...v, customerId: data.data[0]?.id ?? '' }));
        })
        .catch(() => undefined);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, values.recipient]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (values.recipient === 'customer' && !values.customerId) missing.customerId = t('errors.required');
    if (values.recipient === 'address' && !values.to.trim()) missing.to = t('errors.required');
    if (!values.template && !values.body.trim()) missing.body = t('errors.required');
    if (!values.template && values.channel === 'email' && !values.subject.trim()) missing.subject = t('errors.required');
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, form: t('errors.form') });
      return;
    }
    const body: SendBody = {
      channel: values.channel,
      kind: values.kind,
      ...(values.recipient === 'customer' ? { customerId: values.customerId } : { to: values.to.trim() }),
      ...(values.template
        ? { template: values.template }
        : { body: values.body, ...(values.channel === 'email' ? { subject: values.subject.trim() } : {}) }),
      ...(values.locale ? { locale: values.locale } : {}),
    };
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const result = await api.POST('/api/notifications/send', { body });
      if (result.data) {
        announce(t('notifications.sent', { to: result.data.to }));
        props.onSent();
      } else setErrors(formErrors(result.error, result.response.status, FIELDS, t));
    } catch {
      setErrors({ fields: {}, form: t('errors.network') });
    } finally {
      setBusy(false);
    }
  };

  const customerName = (c: Schemas['CustomerDto']) => {
    const contact = c.email ?? (c.phone ? displayPhone(c.phone) : '');
    return `${[c.firstName, c.lastName].filter(Boolean).join(' ')}${contact ? ` (${contact})` : ''}`;
  };

  return (
    <form class="send-form" onSubmit={submit} noValidate>
      {errors.form && (
        <p class="alert alert-error" role="alert">
          {errors.form}
        </p>
      )}
      <div class="form-grid">
        <Field
          label={t('notifications.send.channel')}
          name="channel"
          as="select"
          value={values.channel}
          onValue={set('channel')}
          error={errors.fields.channel}
          options={CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
        />
        <Field
          label={t('notifications.send.kind')}
          name="kind"
          as="select"
          value={values.kind}
          onValue={set('kind')}
          error={errors.fields.kind}
          hint={t('notifications.send.kindHint')}
          options={(['transactional', 'marketing'] as const).map((k) => ({ value: k, label: t(`notifications.kind.${k}`) }))}
        />
        <Field
          label={t('notifications.send.recipient')}
          name="recipient"
          as="select"
          value={values.recipient}
          onValue={set('recipient')}
          options={[
            { value: 'customer', label: t('notifications.send.toCustomer') },
            { value: 'address', label: t('notifications.send.toAddress') },
          ]}
        />
      </div>
      {values.recipient === 'customer' ? (
        <div class="form-grid">
          <Field label={t('notifications.send.search')} name="customerSearch" type="search" value={search} onValue={setSearch} />
          <Field
            label={t('notifications.send.customer')}
            name="customerId"
            as="select"
            required
            value={values.customerId}
            onValue={set('customerId')}
            error={errors.fields.customerId}
            options={
              customers.length
                ? customers.map((c) => ({ value: c.id, label: customerName(c) }))
                : [{ value: '', label: t('notifications.send.noCustomers') }]
            }
          />
        </div>
      ) : (
        <div class="form-grid">
          <Field
            label={values.channel === 'email' ? t('notifications.send.toEmail') : t('notifications.send.toPhone')}
            name="to"
            type={values.channel === 'email' ? 'email' : 'tel'}
            dir="ltr"
            required
            value={values.to}
            onValue={set('to')}
            error={errors.fields.to}
          />
        </div>
      )}
      <div class="form-grid">
        <Field
          label={t('notifications.send.template')}
          name="template"
          as="select"
          value={values.template}
          onValue={set('template')}
          error={errors.fields.template}
          hint={values.template ? t('notifications.send.templateHint') : undefined}
          options={[{ value: '', label: t('notifications.handWritten') }, ...keys.map((k) => ({ value: k, label: templateLabel(t, k) }))]}
        />
        <Field
          label={t('notifications.send.locale')}
          name="locale"
          as="select"
          value={values.locale}
          onValue={set('locale')}
          error={errors.fields.locale}
          options={[
            { value: '', label: t('notifications.send.localeDefault') },
            { value: 'he', label: t('lang.he') },
            { value: 'en', label: t('lang.en') },
          ]}
        />
      </div>
      {!values.template && (
        <div class="stack">
          {values.channel === 'email' && (
            <Field
              label={t('notifications.send.subject')}
              name="subject"
              dir="auto"
              required
              value={values.subject}
              onValue={set('subject')}
              error={errors.fields.subject}
            />
          )}
          <Field
            label={t('notifications.send.body')}
            name="body"
            as="textarea"
            dir="auto"
            required
            value={values.body}
            onValue={set('body')}
            error={errors.fields.body}
          />
        </div>
      )}
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('notifications.send.sending') : t('notifications.send.submit')}
        </button>
      </div>
    </form>
  );
}
