import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors, type FormErrors } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { LinkPanel } from './LinkPanel';
import { agorotOf, CustomerPicker, type Customer, type Payment } from './shared';

const FIELDS = [
  'customerId',
  'customer.firstName',
  'customer.lastName',
  'customer.phone',
  'customer.email',
  'amount',
  'description',
  'installments',
] as const;

interface Values {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  amount: string;
  description: string;
  installments: string;
}

/** A new payment link: who pays (an existing customer or a new one), how much, for what, in how many installments. */
export function CreatePaymentDialog(props: { onClose(): void; onCreated(payment: Payment): void }) {
  const { t, fmt } = useApp();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [values, setValues] = useState<Values>({
    firstName: '',
    lastName: '',
    phone: '',
    email: '',
    amount: '',
    description: '',
    installments: '1',
  });
  const [maxInstallments, setMaxInstallments] = useState(1);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Payment | null>(null);
  // One key per payment the person means: a retry after a network failure does not ask twice.
  const idempotencyKey = useRef(crypto.randomUUID());
  const set = (field: keyof Values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    idempotencyKey.current = crypto.randomUUID();
  };

  useEffect(() => {
    // The business's limit (owners and admins may read it); without it, one payment, and the API still decides.
    api
      .GET('/api/business/payment-settings')
      .then(({ data }) => data && setMaxInstallments(Math.max(1, data.maxInstallments)))
      .catch(() => undefined);
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const amount = agorotOf(values.amount);
    const local: Record<string, string> = {};
    if (amount === null) local.amount = t('pay.form.amountInvalid');
    if (!values.description.trim()) local.description = t('errors.required');
    if (mode === 'existing' && !customer) local.customerId = t('pay.form.customerRequired');
    if (mode === 'new' && !values.firstName.trim()) local['customer.firstName'] = t('errors.required');
    if (Object.keys(local).length) {
      setErrors({ fields: local, form: t('errors.form') });
      return;
    }
    const optional = (s: string) => (s.trim() ? s.trim() : undefined);
    const body: Schemas['CreatePaymentDto'] = {
      amount: amount!,
      description: values.description.trim(),
      installments: Number(values.installments) || 1,
      ...(mode === 'existing'
        ? { customerId: customer!.id }
        : {
            customer: {
              firstName: values.firstName.trim(),
              lastName: optional(values.lastName),
              phone: optional(values.phone),
              email: optional(values.email),
            },
          }),
    };
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const result = await api.POST('/api/payments', { body, params: { header: { 'Idempotency-Key': idempotencyKey.current } } });
      if (result.data) {
        setCreated(result.data);
        props.onCreated(result.data);
      } else setErrors(formErrors(result.error, result.response.status, FIELDS, t));
    } catch {
      setErrors({ fields: {}, form: t('errors.network') });
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const first = FIELDS.find((f) => errors.fields[f]);
    if (first) document.querySelector<HTMLElement>(`.payment-form [name="${first === 'customerId' ? 'customerSearch' : first}"]`)?.focus();
  }, [errors]);

  if (created) {
    return (
      <Dialog title={t('pay.created.title')} onClose={props.onClose} wide>
        <p role="status">
          {t('pay.created.intro', { amount: fmt.money(created.amount, created.currency), description: created.description })}
        </p>
        <LinkPanel payment={created} />
        <div class="form-actions">
          <button type="button" class="button button-primary" onClick={props.onClose}>
            {t('pay.done')}
          </button>
        </div>
      </Dialog>
    );
  }

  const field = (name: keyof Values, error: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={error} label={label} value={values[name]} onValue={set(name)} error={errors.fields[error]} {...extra} />
  );
  const amountPreview = agorotOf(values.amount);

  return (
    <Dialog title={t('pay.form.title')} onClose={props.onClose} wide>
      <form class="payment-form" onSubmit={submit} noValidate>
        {errors.form && (
          <p class="alert alert-error" role="alert">
            {errors.form}
          </p>
        )}
        <fieldset class="choice">
          <legend>{t('pay.form.who')}</legend>
          <label>
            <input type="radio" name="customerMode" checked={mode === 'existing'} onChange={() => setMode('existing')} />{' '}
            {t('pay.form.existing')}
          </label>
          <label>
            <input type="radio" name="customerMode" checked={mode === 'new'} onChange={() => setMode('new')} /> {t('pay.form.newCustomer')}
          </label>
        </fieldset>
        {mode === 'existing' ? (
          <CustomerPicker label={t('pay.form.customer')} value={customer} onChange={setCustomer} error={errors.fields.customerId} />
        ) : (
          <div class="form-grid">
            {field('firstName', 'customer.firstName', t('customerForm.firstName'), { required: true, autoComplete: 'off' })}
            {field('lastName', 'customer.lastName', t('customerForm.lastName'), { autoComplete: 'off' })}
            {field('phone', 'customer.phone', t('customerForm.phone'), {
              type: 'tel',
              dir: 'ltr',
              inputMode: 'tel',
              hint: t('customerForm.contactHint'),
              autoComplete: 'off',
            })}
            {field('email', 'customer.email', t('customerForm.email'), { type: 'email', dir: 'ltr', autoComplete: 'off' })}
          </div>
        )}
        <div class="form-grid">
          {field('amount', 'amount', t('pay.form.amount'), {
            required: true,
            dir: 'ltr',
            inputMode: 'decimal',
            autoComplete: 'off',
            hint: amountPreview !== null ? fmt.money(amountPreview) : t('pay.form.amountHint'),
          })}
          {field('installments', 'installments', t('pay.form.installments'), {
            as: 'select',
            hint: t('pay.form.installmentsHint', { max: fmt.number(maxInstallments) }),
            options: Array.from({ length: maxInstallments }, (_, i) => ({ value: String(i + 1), label: fmt.number(i + 1) })),
          })}
        </div>
        {field('description', 'description', t('pay.form.description'), { required: true, hint: t('pay.form.descriptionHint') })}
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t('pay.form.creating') : t('pay.form.create')}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t('customerForm.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
