import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { displayPhone } from '../../format';
import { canManage, FormAlert, Loading, orNull, Section, useLoad, useSubmit } from './common';

type Business = Schemas['BusinessDto'];
const FIELDS = ['name', 'slug', 'legalName', 'taxId', 'vatStatus', 'address', 'phone', 'email', 'timeZone', 'locale'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const valuesOf = (b: Business): Values => ({
  name: b.name,
  slug: b.slug,
  legalName: b.legalName ?? '',
  taxId: b.taxId ?? '',
  vatStatus: b.vatStatus,
  address: b.address ?? '',
  phone: b.phone ? displayPhone(b.phone) : '',
  email: b.email ?? '',
  timeZone: b.timeZone,
  locale: b.locale,
});

/** The business's profile: name, booking address (slug), legal details, contact, time zone and language. */
export function BusinessSection() {
  const { t, me, announce, reload } = useApp();
  const load = useLoad(() => api.GET('/api/business'));
  return (
    <Section id="business" title={t('settings.business.title')} intro={t('settings.business.intro')}>
      {load.data ? (
        <BusinessForm
          key={load.data.id}
          business={load.data}
          readOnly={!canManage(me?.role)}
          onSaved={(saved) => {
            load.setData(saved);
            announce(t('settings.saved'));
            void reload();
          }}
        />
      ) : (
        <Loading error={load.error} />
      )}
    </Section>
  );
}

function BusinessForm(props: { business: Business; readOnly: boolean; onSaved(b: Business): void }) {
  const { t } = useApp();
  const [initial, setInitial] = useState(() => valuesOf(props.business));
  const [values, setValues] = useState(initial);
  const { errors, setErrors, busy, run } = useSubmit(FIELDS);
  const set = (name: keyof Values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  const submit = (event: Event) => {
    event.preventDefault();
    if (!values.name.trim()) return setErrors({ fields: { name: t('errors.required') }, form: t('errors.form') });
    const body: Schemas['UpdateBusinessDto'] = {};
    const changed = (f: keyof Values) => initial[f].trim() !== values[f].trim();
    if (changed('name')) body.name = values.name.trim();
    if (changed('slug')) body.slug = values.slug.trim();
    if (changed('legalName')) body.legalName = orNull(values.legalName);
    if (changed('taxId')) body.taxId = orNull(values.taxId);
    if (changed('vatStatus')) body.vatStatus = values.vatStatus as Business['vatStatus'];
    if (changed('address')) body.address = orNull(values.address);
    if (changed('phone')) body.phone = orNull(values.phone);
    if (changed('email')) body.email = orNull(values.email);
    if (changed('timeZone')) body.timeZone = values.timeZone.trim();
    if (changed('locale')) body.locale = values.locale === 'en' ? 'en' : 'he';
    void run(
      () => api.PATCH('/api/business', { body }),
      (saved) => {
        const next = valuesOf(saved);
        setInitial(next);
        setValues(next);
        props.onSaved(saved);
      },
    );
  };

  const field = (name: keyof Values, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={label} value={values[name]} onValue={set(name)} error={errors.fields[name]} {...extra} />
  );
  return (
    <form onSubmit={submit} noValidate class="business-form">
      <FormAlert message={errors.form} />
      <fieldset disabled={props.readOnly} class="plain">
        <div class="form-grid">
          {field('name', t('settings.business.name'), { required: true })}
          {field('slug', t('settings.business.slug'), { dir: 'ltr', hint: t('settings.business.slugHint') })}
          {field('legalName', t('settings.business.legalName'))}
          {field('taxId', t('settings.business.taxId'), { dir: 'ltr', inputMode: 'numeric' })}
          {field('vatStatus', t('settings.business.vatStatus'), {
            as: 'select',
            options: (['licensed', 'exempt', 'company'] as const).map((v) => ({ value: v, label: t(`settings.vat.${v}`) })),
          })}
          {field('address', t('settings.business.address'))}
          {field('phone', t('settings.business.phone'), { type: 'tel', dir: 'ltr', inputMode: 'tel' })}
          {field('email', t('settings.business.email'), { type: 'email', dir: 'ltr' })}
          {field('timeZone', t('settings.business.timeZone'), { dir: 'ltr' })}
          {field('locale', t('settings.business.locale'), {
            as: 'select',
            options: [
              { value: 'he', label: t('lang.he') },
              { value: 'en', label: t('lang.en') },
            ],
          })}
        </div>
      </fieldset>
      {props.readOnly ? (
        <p class="muted">{t('settings.readOnly')}</p>
      ) : (
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t('settings.saving') : t('settings.business.save')}
          </button>
        </div>
      )}
    </form>
  );
}
