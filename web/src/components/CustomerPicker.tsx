import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { useApp } from '../context';
import { displayPhone } from '../format';
import { Field } from './Field';

export type NewCustomer = { firstName: string; lastName: string; phone: string; email: string };
export type CustomerChoice = { kind: 'existing'; id: string; name: string } | { kind: 'new'; customer: NewCustomer };

/** Form field names of the choice, for `formErrors`: the API's `customer.phone` lands next to the phone field. */
export const CUSTOMER_FIELDS = ['customerId', 'customer.firstName', 'customer.lastName', 'customer.phone', 'customer.email'] as const;

const SEARCH_DELAY_MS = 250;
const fullName = (c: Pick<Schemas['CustomerDto'], 'firstName' | 'lastName'>) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/** The create body's customer part: `customerId`, or `customer` (matched by phone/email or created), empty fields left out. */
export function customerBody(choice: CustomerChoice): { customerId: string } | { customer: Schemas['NewCustomerDto'] } {
  if (choice.kind === 'existing') return { customerId: choice.id };
  const optional = (s: string) => (s.trim() ? s.trim() : undefined);
  const c = choice.customer;
  return {
    customer: { firstName: c.firstName.trim(), lastName: optional(c.lastName), phone: optional(c.phone), email: optional(c.email) },
  };
}

/**
 * Who the booking is for: an existing customer found by search (Hebrew,
 * partial; the results are a radio group), or a new one typed in place.
 */
export function CustomerPicker(props: {
  value: CustomerChoice | null;
  onChange(choice: CustomerChoice | null): void;
  errors: Record<string, string>;
}) {
  const { t } = useApp();
  const [mode, setMode] = useState<'existing' | 'new'>(props.value?.kind ?? 'existing');
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Schemas['CustomerDto'][] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [draft, setDraft] = useState<NewCustomer>(
    props.value?.kind === 'new' ? props.value.customer : { firstName: '', lastName: '', phone: '', email: '' },
  );
  const latest = useRef(0);
  const groupId = useId();

  useEffect(() => {
    if (mode !== 'existing') return;
    const q = search.trim();
    if (!q) {
      setResults(null);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      api
        .GET('/api/customers', { params: { query: { q, limit: 8 } } })
        .then(({ data }) => {
          if (ticket !== latest.current) return;
          setResults(data?.data ?? []);
          setSearchError(data ? null : t('errors.network'));
        })
        .catch(() => ticket === latest.current && setSearchError(t('errors.network')));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, mode]);

  const switchTo = (next: 'existing' | 'new') => {
    setMode(next);
    props.onChange(next === 'new' ? { kind: 'new', customer: draft } : null);
  };
  const setField = (name: keyof NewCustomer) => (value: string) => {
    const next = { ...draft, [name]: value };
    setDraft(next);
    props.onChange({ kind: 'new', customer: next });
  };
  const selectedId = props.value?.kind === 'existing' ? props.value.id : null;

  return (
    <fieldset class="picker">
      <legend>{t('picker.customer')}</legend>
      <div class="segmented" role="radiogroup" aria-label={t('picker.customer')}>
        {(['existing', 'new'] as const).map((m) => (
          <label key={m} class={mode === m ? 'segment segment-on' : 'segment'}>
            <input type="radio" name={`${groupId}-mode`} value={m} checked={mode === m} onChange={() => switchTo(m)} />
            {t(m === 'existing' ? 'picker.existing' : 'picker.new')}
          </label>
        ))}
      </div>
      {mode === 'existing' ? (
        <>
          <Field label={t('picker.search')} name="customerSearch" type="search" value={search} onValue={setSearch} autoComplete="off" />
          {searchError && <p class="field-error">{searchError}</p>}
          {results && results.length === 0 && <p class="muted">{t('picker.noMatch')}</p>}
          {results && results.length > 0 && (
            <div class="choice-list" role="radiogroup" aria-label={t('picker.results')}>
              {results.map((c) => (
                <label key={c.id} class={selectedId === c.id ? 'choice choice-on' : 'choice'}>
                  <input
                    type="radio"
                    name={`${groupId}-customer`}
                    value={c.id}
                    checked={selectedId === c.id}
                    onChange={() => props.onChange({ kind: 'existing', id: c.id, name: fullName(c) })}
                  />
                  <span>{fullName(c)}</span>
                  {c.phone && (
                    <bdi dir="ltr" class="muted">
                      {displayPhone(c.phone)}
                    </bdi>
                  )}
                </label>
              ))}
            </div>
          )}
          {props.errors.customerId && (
            <p class="field-error" role="alert">
              {props.errors.customerId}
            </p>
          )}
        </>
      ) : (
        <div class="form-grid">
          <Field
            label={t('picker.firstName')}
            name="customer.firstName"
            required
            value={draft.firstName}
            onValue={setField('firstName')}
            error={props.errors['customer.firstName']}
            autoComplete="off"
          />
          <Field
            label={t('picker.lastName')}
            name="customer.lastName"
            value={draft.lastName}
            onValue={setField('lastName')}
            error={props.errors['customer.lastName']}
            autoComplete="off"
          />
          <Field
            label={t('picker.phone')}
            name="customer.phone"
            type="tel"
            dir="ltr"
            inputMode="tel"
            hint={t('picker.contactHint')}
            value={draft.phone}
            onValue={setField('phone')}
            error={props.errors['customer.phone']}
            autoComplete="off"
          />
          <Field
            label={t('picker.email')}
            name="customer.email"
            type="email"
            dir="ltr"
            value={draft.email}
            onValue={setField('email')}
            error={props.errors['customer.email']}
            autoComplete="off"
          />
        </div>
      )}
    </fieldset>
  );
}
