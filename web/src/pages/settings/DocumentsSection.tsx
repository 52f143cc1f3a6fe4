import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { FormAlert, orNull, type SettingsFormProps, SettingsFormSection, useSubmit } from './common';

type Settings = Schemas['InvoiceSettingsDto'];
const FIELDS = ['legalName', 'taxId', 'address', 'phone', 'vatRate', 'footer', 'defaultRemarks'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const valuesOf = (s: Settings): Values => ({
  legalName: s.legalName ?? '',
  taxId: s.taxId ?? '',
  address: s.address ?? '',
  phone: s.phone ?? '',
  vatRate: String(s.vatRate),
  footer: s.footer ?? '',
  defaultRemarks: s.defaultRemarks ?? '',
});

/** What invoices print: the issuer's details (empty: the business profile's), VAT rate, footer and default remarks. */
export function DocumentsSection() {
  const { t } = useApp();
  return (
    <SettingsFormSection
      id="documents"
      title={t('settings.documents.title')}
      intro={t('settings.documents.intro')}
      load={() => api.GET('/api/invoices/settings')}
      form={(form) => <DocumentsForm {...form} />}
    />
  );
}

function DocumentsForm(props: SettingsFormProps<Settings>) {
  const { t } = useApp();
  const [initial, setInitial] = useState(() => valuesOf(props.settings));
  const [values, setValues] = useState(initial);
  const { errors, busy, run } = useSubmit(FIELDS);
  const set = (name: keyof Values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  const submit = (event: Event) => {
    event.preventDefault();
    const body: Schemas['UpdateInvoiceSettingsDto'] = {};
    const changed = (f: keyof Values) => initial[f].trim() !== values[f].trim();
    if (changed('legalName')) body.legalName = orNull(values.legalName);
    if (changed('taxId')) body.taxId = orNull(values.taxId);
    if (changed('address')) body.address = orNull(values.address);
    if (changed('phone')) body.phone = orNull(values.phone);
    if (changed('vatRate')) body.vatRate = Number(values.vatRate.replace(',', '.'));
    if (changed('footer')) body.footer = orNull(values.footer);
    if (changed('defaultRemarks')) body.defaultRemarks = orNull(values.defaultRemarks);
    void run(
      () => api.PATCH('/api/invoices/settings', { body }),
      (saved) => {
        const next = valuesOf(saved);
        setInitial(next);
        setValues(next);
        props.onSaved(saved);
      },
    );
  };

  const effective = props.settings.effective;
  const field = (name: keyof Values, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={label} value={values[name]} onValue={set(name)} error={errors.fields[name]} {...extra} />
  );
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={errors.form} />
      <fieldset disabled={props.readOnly} class="plain">
        <div class="form-grid">
          {field('legalName', t('settings.documents.legalName'), {
            hint: t('settings.documents.fallback', { value: effective.legalName }),
          })}
          {field('taxId', t('settings.documents.taxId'), {
            dir: 'ltr',
            inputMode: 'numeric',
            hint: t('settings.documents.fallback', { value: effective.taxId ?? '—' }),
          })}
          {field('address', t('settings.documents.address'))}
          {field('phone', t('settings.documents.phone'), { type: 'tel', dir: 'ltr' })}
          {field('vatRate', t('settings.documents.vatRate'), { dir: 'ltr', inputMode: 'decimal' })}
        </div>
        <div class="stack">
          {field('footer', t('settings.documents.footer'), { as: 'textarea' })}
          {field('defaultRemarks', t('settings.documents.defaultRemarks'), { as: 'textarea' })}
        </div>
      </fieldset>
      {!props.readOnly && (
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t('settings.saving') : t('settings.documents.save')}
          </button>
        </div>
      )}
    </form>
  );
}
