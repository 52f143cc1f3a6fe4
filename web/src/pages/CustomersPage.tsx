import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { formErrors, type FormErrors } from '../api/problem';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { PageTitle } from '../components/Shell';
import { useApp } from '../context';
import { displayPhone } from '../format';
import { CustomerImportDialog } from './customers/CustomerImportDialog';
import { CustomerTimelineDialog } from './customers/CustomerTimelineDialog';
import { Pager } from '../components/Pager';

type Customer = Schemas['CustomerDto'];
type ArchivedFilter = 'active' | 'archived' | 'all';
type ConsentFilter = '' | 'email' | 'sms' | 'none';
const LIMIT = 20;
const SEARCH_DELAY_MS = 250;

interface ListState {
  rows: Customer[];
  total: number | null;
  loading: boolean;
  error: string | null;
}

const fullName = (c: Pick<Customer, 'firstName' | 'lastName'>) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/** Customers: Hebrew partial search, filters (archived, tag, marketing consent), pages, create, edit, archive and restore, import, export, timeline. */
export function CustomersPage() {
  const { t, fmt, announce, lang } = useApp();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<ArchivedFilter>('active');
  const [tag, setTag] = useState('');
  const [consent, setConsent] = useState<ConsentFilter>('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<ListState>({ rows: [], total: null, loading: true, error: null });
  const [editing, setEditing] = useState<Customer | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [timelineOf, setTimelineOf] = useState<Customer | null>(null);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);
  // What the list shows, and what the export writes.
  const filters = {
    q: query || undefined,
    archived: filter,
    tag: tag.trim() ? [tag.trim()] : undefined,
    consent: consent || undefined,
  };

  // Typing settles before the search runs; each new search starts on page 1.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    const ticket = ++latest.current;
    setList((l) => ({ ...l, loading: true, error: null }));
    api
      .GET('/api/customers', { params: { query: { ...filters, page, limit: LIMIT } } })
      .then(({ data, error, response }) => {
        if (ticket !== latest.current) return;
        if (data) setList({ rows: data.data, total: data.meta.total ?? null, loading: false, error: null });
        else setList((l) => ({ ...l, loading: false, error: formErrors(error, response.status, [], t).form ?? null }));
      })
      .catch(() => ticket === latest.current && setList((l) => ({ ...l, loading: false, error: t('errors.network') })));
  }, [query, filter, tag, consent, page, reloads]);

  const reload = () => setReloads((n) => n + 1);

  const archive = async (customer: Customer) => {
    const name = fullName(customer);
    try {
      const result = customer.archived
        ? await api.POST('/api/customers/{id}/restore', { params: { path: { id: customer.id } } })
        : await api.DELETE('/api/customers/{id}', { params: { path: { id: customer.id } } });
      if (result.error) announce(formErrors(result.error, result.response.status, [], t).form ?? '');
      else announce(t(customer.archived ? 'customers.restored' : 'customers.archived', { name }));
    } catch {
      announce(t('errors.network'));
    }
    reload();
  };

  // The CSV of the customers the page shows (search and filter applied), headers in the page's language.
  const exportCsv = async () => {
    setExporting(true);
    try {
      const { data, error, response } = await api.GET('/api/customers/export', {
        params: { query: { ...filters, headers: lang } },
        parseAs: 'blob',
      });
      if (!data) return announce(formErrors(error, response.status, [], t).form ?? '');
      const file = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(response.headers.get('content-disposition') ?? '')?.[1];
      const name = file ? decodeURIComponent(file) : 'customers.csv';
      const link = document.createElement('a');
      link.href = URL.createObjectURL(data);
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      announce(t('customers.exported', { file: name }));
    } catch {
      announce(t('errors.network'));
    } finally {
      setExporting(false);
    }
  };

  const pages = list.total === null ? null : Math.max(1, Math.ceil(list.total / LIMIT));

  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        <PageTitle>{t('customers.title')}</PageTitle>
        <div class="page-actions">
          <button type="button" class="button" onClick={() => setImporting(true)}>
            {t('customers.import')}
          </button>
          <button type="button" class="button" onClick={exportCsv} disabled={exporting}>
            {exporting ? t('customers.exporting') : t('customers.export')}
          </button>
          <button type="button" class="button button-primary" onClick={() => setEditing('new')}>
            {t('customers.new')}
          </button>
        </div>
      </div>

      <div class="toolbar" role="search">
        <Field label={t('customers.search')} name="q" type="search" value={search} onValue={setSearch} />
        <Field
          label={t('customers.filter')}
          name="archived"
          as="select"
          value={filter}
          onValue={(v) => {
            setFilter(v as ArchivedFilter);
            setPage(1);
          }}
          options={(['active', 'archived', 'all'] as const).map((v) => ({ value: v, label: t(`customers.filter.${v}`) }))}
        />
        <Field
          label={t('customers.filterTag')}
          name="tag"
          value={tag}
          onValue={(v) => {
            setTag(v);
            setPage(1);
          }}
        />
        <Field
          label={t('customers.filterConsent')}
          name="consent"
          as="select"
          value={consent}
          onValue={(v) => {
            setConsent(v as ConsentFilter);
            setPage(1);
          }}
          options={(['', 'email', 'sms', 'none'] as const).map((v) => ({ value: v, label: t(`customers.consent.${v || 'any'}`) }))}
        />
      </div>

      <p class="muted" aria-live="polite">
        {list.loading ? t('app.loading') : list.total !== null ? t('customers.count', { count: fmt.number(list.total) }) : ''}
      </p>
      {list.error && (
        <p class="alert alert-error" role="alert">
          {list.error}
        </p>
      )}

      {!list.loading && list.rows.length === 0 && !list.error ? (
        <p class="empty">{query || filter !== 'active' || tag || consent ? t('customers.empty') : t('customers.emptyStart')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table customers-table" aria-busy={list.loading}>
            <caption class="sr-only">{t('customers.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('customers.col.name')}</th>
                <th scope="col">{t('customers.col.phone')}</th>
                <th scope="col">{t('customers.col.email')}</th>
                <th scope="col">{t('customers.col.tags')}</th>
                <th scope="col">{t('customers.col.spend')}</th>
                <th scope="col">{t('customers.col.lastActivity')}</th>
                <th scope="col">{t('customers.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((c) => (
                <tr key={c.id} class={c.archived ? 'row-archived' : undefined}>
                  <th scope="row" data-label={t('customers.col.name')}>
                    {fullName(c)}
                    {c.archived && <span class="badge">{t('customers.archivedBadge')}</span>}
                  </th>
                  <td data-label={t('customers.col.phone')}>
                    {c.phone ? <bdi dir="ltr">{displayPhone(c.phone)}</bdi> : t('customers.none')}
                  </td>
                  <td data-label={t('customers.col.email')}>{c.email ? <bdi dir="ltr">{c.email}</bdi> : t('customers.none')}</td>
                  <td data-label={t('customers.col.tags')}>
                    {c.tags.length
                      ? c.tags.map((tag) => (
                          <span class="tag" key={tag}>
                            {tag}
                          </span>
                        ))
                      : t('customers.none')}
                  </td>
                  <td data-label={t('customers.col.spend')}>{fmt.money(c.totalSpendAgorot, c.currency)}</td>
                  <td data-label={t('customers.col.lastActivity')}>
                    {c.lastActivityAt ? fmt.dateTime(c.lastActivityAt) : t('customers.none')}
                  </td>
                  <td data-label={t('customers.col.actions')}>
                    <div class="row-actions">
                      {!c.archived && (
                        <button type="button" class="button button-small" onClick={() => setEditing(c)}>
                          {t('customers.edit')}
                          <span class="sr-only"> {fullName(c)}</span>
                        </button>
                      )}
                      <button type="button" class="button button-small" onClick={() => setTimelineOf(c)}>
                        {t('customers.timeline')}
                        <span class="sr-only"> {fullName(c)}</span>
                      </button>
                      <button type="button" class="button button-small button-quiet" onClick={() => archive(c)}>
                        {t(c.archived ? 'customers.restore' : 'customers.archive')}
                        <span class="sr-only"> {fullName(c)}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pager page={page} pages={pages} label={t('customers.pagination')} onPage={setPage} />

      {importing && <CustomerImportDialog onClose={() => setImporting(false)} onImported={reload} />}
      {timelineOf && <CustomerTimelineDialog customerId={timelineOf.id} name={fullName(timelineOf)} onClose={() => setTimelineOf(null)} />}
      {editing && (
        <CustomerDialog
          customer={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            announce(t(created ? 'customers.created' : 'customers.saved', { name: fullName(saved) }));
            reload();
          }}
        />
      )}
    </section>
  );
}

const FIELDS = ['firstName', 'lastName', 'phone', 'email', 'birthday', 'address', 'tags', 'language', 'notes'] as const;
type FormField = (typeof FIELDS)[number];
type FormValues = Record<FormField, string>;

function valuesOf(c: Customer | null): FormValues {
  return {
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    phone: c?.phone ? displayPhone(c.phone) : '',
    email: c?.email ?? '',
    birthday: c?.birthday ?? '',
    address: c?.address ?? '',
    tags: c?.tags.join(', ') ?? '',
    language: c?.language ?? 'he',
    notes: c?.notes ?? '',
  };
}

const tagsOf = (text: string) =>
  text
    .split(/[,،]/)
    .map((tag) => tag.trim())
    .filter(Boolean);

/** The create body: empty optional fields left out. */
function createBody(v: FormValues): Schemas['CreateCustomerDto'] {
  const optional = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    firstName: v.firstName.trim(),
    lastName: optional(v.lastName),
    phone: optional(v.phone),
    email: optional(v.email),
    birthday: optional(v.birthday),
    address: optional(v.address),
    notes: optional(v.notes),
    tags: tagsOf(v.tags),
    language: v.language === 'en' ? 'en' : 'he',
  };
}

/** The update body: only what changed (so another person's edit to another field stands); emptied fields become null. */
function updateBody(before: FormValues, v: FormValues): Schemas['UpdateCustomerDto'] {
  const body: Schemas['UpdateCustomerDto'] = {};
  const changed = (f: FormField) => before[f].trim() !== v[f].trim();
  const nullable = (s: string) => (s.trim() ? s.trim() : null);
  if (changed('firstName')) body.firstName = v.firstName.trim();
  if (changed('lastName')) body.lastName = nullable(v.lastName);
  if (changed('phone')) body.phone = nullable(v.phone);
  if (changed('email')) body.email = nullable(v.email);
  if (changed('birthday')) body.birthday = nullable(v.birthday);
  if (changed('address')) body.address = nullable(v.address);
  if (changed('notes')) body.notes = nullable(v.notes);
  if (changed('tags')) body.tags = tagsOf(v.tags);
  if (changed('language')) body.language = v.language === 'en' ? 'en' : 'he';
  return body;
}

function CustomerDialog(props: { customer: Customer | null; onClose(): void; onSaved(customer: Customer, created: boolean): void }) {
  const { t } = useApp();
  const initial = useRef(valuesOf(props.customer));
  const [values, setValues] = useState<FormValues>(initial.current);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const set = (field: FormField) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!values.firstName.trim()) {
      setErrors({ fields: { firstName: t('errors.required') }, form: t('errors.form') });
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const result = props.customer
        ? await api.PATCH('/api/customers/{id}', { params: { path: { id: props.customer.id } }, body: updateBody(initial.current, values) })
        : await api.POST('/api/customers', { body: createBody(values) });
      if (result.data) props.onSaved(result.data, !props.customer);
      else setErrors(formErrors(result.error, result.response.status, FIELDS, t));
    } catch {
      // The network, not the data: everything typed stays as it is.
      setErrors({ fields: {}, form: t('errors.network') });
    } finally {
      setBusy(false);
    }
  };

  // After a failed save, the first field in error takes the focus.
  useEffect(() => {
    const first = FIELDS.find((f) => errors.fields[f]);
    if (first) document.querySelector<HTMLElement>(`.customer-form [name="${first}"]`)?.focus();
  }, [errors]);

  const field = (name: FormField, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={label} value={values[name]} onValue={set(name)} error={errors.fields[name]} {...extra} />
  );

  return (
    <Dialog title={props.customer ? t('customerForm.editTitle') : t('customerForm.newTitle')} onClose={props.onClose} wide>
      <form class="customer-form" onSubmit={submit} noValidate>
        {errors.form && (
          <p class="alert alert-error" role="alert">
            {errors.form}
          </p>
        )}
        <div class="form-grid">
          {field('firstName', t('customerForm.firstName'), { required: true, autoComplete: 'off' })}
          {field('lastName', t('customerForm.lastName'), { autoComplete: 'off' })}
          {field('phone', t('customerForm.phone'), {
            type: 'tel',
            dir: 'ltr',
            inputMode: 'tel',
            hint: t('customerForm.contactHint'),
            autoComplete: 'off',
          })}
          {field('email', t('customerForm.email'), { type: 'email', dir: 'ltr', autoComplete: 'off' })}
          {field('birthday', t('customerForm.birthday'), { type: 'date' })}
          {field('address', t('customerForm.address'))}
          {field('tags', t('customerForm.tags'), { hint: t('customerForm.tagsHint') })}
          {field('language', t('customerForm.language'), {
            as: 'select',
            options: [
              { value: 'he', label: t('lang.he') },
              { value: 'en', label: t('lang.en') },
            ],
          })}
        </div>
        {field('notes', t('customerForm.notes'), { as: 'textarea' })}
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t('customerForm.saving') : t('customerForm.save')}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t('customerForm.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
