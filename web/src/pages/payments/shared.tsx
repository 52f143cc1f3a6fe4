import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { displayPhone } from '../../format';

export type Customer = Schemas['CustomerDto'];
export type Payment = Schemas['GatewayPaymentDto'];
export type PaymentDetail = Schemas['PaymentDetailDto'];
export type Invoice = Schemas['InvoiceDto'];

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'expired', 'cancelled', 'refunded', 'partially_refunded'] as const;
export const INVOICE_TYPES = ['tax_invoice', 'tax_invoice_receipt', 'receipt', 'credit_note'] as const;

export const fullName = (c: Pick<Customer, 'firstName' | 'lastName'>) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/**
 * Shekels as typed (`120`, `120.5`, `1,250.00`, `₪ 99.90`) → integer agorot,
 * exactly (no floating point): null when it is not an amount.
 */
export function agorotOf(text: string): number | null {
  const clean = text.replace(/[\s₪,]/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(clean);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Today's date (`YYYY-MM-DD`) in a time zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Saves what the API answered as a file: an <a download> on an object URL (the API needs the bearer token, a plain link would not carry it). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A document's PDF: the API decides whether this delivery is the original or a copy (X-Document-Mark). */
export async function downloadInvoicePdf(invoice: Pick<Invoice, 'id' | 'number' | 'type'>): Promise<'original' | 'copy' | null> {
  const { data, response } = await api.GET('/api/invoices/{id}/pdf', { params: { path: { id: invoice.id } }, parseAs: 'blob' });
  if (!data) return null;
  const mark = response.headers.get('X-Document-Mark') === 'copy' ? 'copy' : 'original';
  saveFile(data, `${invoice.type}-${invoice.number}-${mark}.pdf`);
  return mark;
}

/** Customers' names by id, fetched once per page load (lists carry only the id). */
const names = new Map<string, Promise<string | null>>();

export function customerName(id: string): Promise<string | null> {
  let name = names.get(id);
  if (!name) {
    name = api
      .GET('/api/customers/{id}', { params: { path: { id } } })
      .then(({ data }) => (data ? fullName(data) : null))
      .catch(() => null);
    names.set(id, name);
    void name.then((n) => n === null && names.delete(id));
  }
  return name;
}

/** The names of the customers of a list of rows, filled in as they arrive. */
export function useCustomerNames(ids: string[]): Record<string, string> {
  const [known, setKnown] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    for (const id of new Set(ids)) {
      if (known[id]) continue;
      void customerName(id).then((name) => live && name && setKnown((k) => ({ ...k, [id]: name })));
    }
    return () => {
      live = false;
    };
  }, [ids.join(',')]);
  return known;
}

/**
 * Choose a customer by search (Hebrew, partial): the API's own search, a short
 * list of matches to pick from, the choice shown with a way to change it.
 */
export function CustomerPicker(props: {
  label: string;
  value: Customer | null;
  onChange(customer: Customer | null): void;
  error?: string;
}) {
  const { t } = useApp();
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Customer[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const q = search.trim();
    if (!q) {
      setResults(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api
        .GET('/api/customers', { params: { query: { q, limit: 6 } } })
        .then(({ data }) => {
          if (!live) return;
          setFailed(!data);
          setResults(data?.data ?? []);
        })
        .catch(() => live && setFailed(true));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);

  if (props.value) {
    return (
      <div class="field picked-customer">
        <span class="picked-label">{props.label}</span>
        <p class="picked">
          <strong>{fullName(props.value)}</strong>
          {props.value.phone && (
            <bdi dir="ltr" class="muted">
              {' '}
              {displayPhone(props.value.phone)}
            </bdi>
          )}
          <button type="button" class="button button-small button-quiet" onClick={() => props.onChange(null)}>
            {t('pay.customer.change')}
          </button>
        </p>
        {props.error && <p class="field-error">{props.error}</p>}
      </div>
    );
  }
  return (
    <div class="customer-picker">
      <Field
        label={props.label}
        name="customerSearch"
        type="search"
        value={search}
        onValue={setSearch}
        hint={t('pay.customer.searchHint')}
        error={props.error}
        autoComplete="off"
      />
      {failed && <p class="field-error">{t('errors.network')}</p>}
      {results && (
        <ul class="picker-results" aria-label={t('pay.customer.results')}>
          {results.length === 0 && <li class="muted">{t('pay.customer.noMatch')}</li>}
          {results.map((c) => (
            <li key={c.id}>
              <button type="button" class="button button-small" onClick={() => props.onChange(c)}>
                {t('pay.customer.choose', { name: fullName(c) })}
              </button>
              {c.phone && (
                <bdi dir="ltr" class="muted">
                  {' '}
                  {displayPhone(c.phone)}
                </bdi>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A payment status as a coloured badge (the words carry the meaning; the colour only helps). */
export function StatusBadge(props: { status: Payment['status'] }) {
  const { t } = useApp();
  return <span class={`badge status status-${props.status}`}>{t(`pay.status.${props.status}`)}</span>;
}
