import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formErrors } from '../../api/problem';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { CreatePaymentDialog } from './CreatePaymentDialog';
import { PaymentDialog } from './PaymentDialog';
import { CustomerPicker, PAYMENT_STATUSES, StatusBadge, useCustomerNames, type Customer, type Payment } from './shared';
import { Pager } from '../../components/Pager';

const LIMIT = 20;
/** While a shown payment waits for its payer, the list asks again this often (the gateway's notification marks it paid). */
const POLL_MS = 3000;

interface ListState {
  rows: Payment[];
  total: number | null;
  loading: boolean;
  error: string | null;
}

/** Payments: filters (status, created from/to, customer), pages, a new payment link, one payment's details. */
export function PaymentsTab() {
  const { t, fmt } = useApp();
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [page, setPage] = useState(1);
  const [list, setList] = useState<ListState>({ rows: [], total: null, loading: true, error: null });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);
  const names = useCustomerNames(list.rows.map((p) => p.customerId));

  const load = (quiet: boolean) => {
    const ticket = ++latest.current;
    if (!quiet) setList((l) => ({ ...l, loading: true, error: null }));
    api
      .GET('/api/payments', {
        params: {
          query: {
            status: (status || undefined) as Payment['status'] | undefined,
            from: from || undefined,
            to: to || undefined,
            customerId: customer?.id,
            page,
            limit: LIMIT,
          },
        },
      })
      .then(({ data, error, response }) => {
        if (ticket !== latest.current) return;
        if (data) setList({ rows: data.data, total: data.meta.total, loading: false, error: null });
        else setList((l) => ({ ...l, loading: false, error: formErrors(error, response.status, [], t).form ?? null }));
      })
      .catch(() => ticket === latest.current && !quiet && setList((l) => ({ ...l, loading: false, error: t('errors.network') })));
  };

  useEffect(() => load(false), [status, from, to, customer, page, reloads]);

  // Pending payments turn paid when the gateway notifies the API: ask again while one is shown.
  const waiting = list.rows.some((p) => p.status === 'pending');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => document.visibilityState === 'visible' && load(true), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, status, from, to, customer, page]);

  const filtered = Boolean(status || from || to || customer);
  const pages = list.total === null ? null : Math.max(1, Math.ceil(list.total / LIMIT));
  const reload = () => setReloads((n) => n + 1);

  return (
    <div>
      <div class="page-head">
        <h2>{t('pay.payments.title')}</h2>
        <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
          {t('pay.new')}
        </button>
      </div>

      <div class="toolbar pay-filters" role="search" aria-label={t('pay.filters')}>
        <Field
          label={t('pay.filter.status')}
          name="status"
          as="select"
          value={status}
          onValue={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[{ value: '', label: t('pay.filter.any') }, ...PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`pay.status.${s}`) }))]}
        />
        <Field label={t('pay.filter.from')} name="from" type="date" value={from} onValue={(v) => (setFrom(v), setPage(1))} />
        <Field label={t('pay.filter.to')} name="to" type="date" value={to} onValue={(v) => (setTo(v), setPage(1))} />
        <CustomerPicker label={t('pay.filter.customer')} value={customer} onChange={(c) => (setCustomer(c), setPage(1))} />
      </div>

      <p class="muted" aria-live="polite">
        {list.loading ? t('app.loading') : list.total !== null ? t('pay.payments.count', { count: fmt.number(list.total) }) : ''}
      </p>
      {list.error && (
        <p class="alert alert-error" role="alert">
          {list.error}{' '}
          <button type="button" class="button button-small" onClick={reload}>
            {t('pay.retry')}
          </button>
        </p>
      )}

      {!list.loading && list.rows.length === 0 && !list.error ? (
        <p class="empty">{filtered ? t('pay.payments.empty') : t('pay.payments.emptyStart')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table stack-table payments-table" aria-busy={list.loading}>
            <caption class="sr-only">{t('pay.payments.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pay.col.created')}</th>
                <th scope="col">{t('pay.col.customer')}</th>
                <th scope="col">{t('pay.col.description')}</th>
                <th scope="col">{t('pay.col.amount')}</th>
                <th scope="col">{t('pay.col.status')}</th>
                <th scope="col">{t('pay.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((p) => (
                <tr key={p.id} data-payment-id={p.id}>
                  <td data-label={t('pay.col.created')}>{fmt.dateTime(p.createdAt)}</td>
                  <th scope="row" data-label={t('pay.col.customer')}>
                    {names[p.customerId] ?? '…'}
                  </th>
                  <td data-label={t('pay.col.description')}>{p.description}</td>
                  <td data-label={t('pay.col.amount')}>
                    {fmt.money(p.amount, p.currency)}
                    {p.refundedAmount > 0 && (
                      <span class="muted small"> ({t('pay.refundedSoFar', { amount: fmt.money(p.refundedAmount, p.currency) })})</span>
                    )}
                  </td>
                  <td data-label={t('pay.col.status')}>
                    <StatusBadge status={p.status} />
                  </td>
                  <td data-label={t('pay.col.actions')}>
                    <button type="button" class="button button-small" onClick={() => setOpen(p.id)}>
                      {t('pay.details')}
                      <span class="sr-only">
                        {' '}
                        {t('pay.detailsOf', { description: p.description, amount: fmt.money(p.amount, p.currency) })}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pager page={page} pages={pages} label={t('pay.pagination')} onPage={setPage} />

      {creating && (
        <CreatePaymentDialog
          onClose={() => {
            setCreating(false);
            reload();
          }}
          onCreated={reload}
        />
      )}
      {open && (
        <PaymentDialog
          id={open}
          customerName={names[list.rows.find((p) => p.id === open)?.customerId ?? ''] ?? null}
          onClose={() => {
            setOpen(null);
            reload();
          }}
          onChanged={() => load(true)}
        />
      )}
    </div>
  );
}
