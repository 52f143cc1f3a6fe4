import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formErrors } from '../../api/problem';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { IssueInvoiceDialog } from './IssueInvoiceDialog';
import { downloadInvoicePdf, INVOICE_TYPES, type Invoice } from './shared';
import { Pager } from '../../components/Pager';

const LIMIT = 20;
const SEARCH_DELAY_MS = 250;

interface ListState {
  rows: Invoice[];
  total: number | null;
  loading: boolean;
  error: string | null;
}

/** Documents: filters (type, date, search), the PDF (original first, then copies), a manual invoice. */
export function InvoicesTab() {
  const { t, fmt, announce } = useApp();
  const [type, setType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<ListState>({ rows: [], total: null, loading: true, error: null });
  const [issuing, setIssuing] = useState(false);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search.trim());
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    const ticket = ++latest.current;
    setList((l) => ({ ...l, loading: true, error: null }));
    api
      .GET('/api/invoices', {
        params: {
          query: {
            type: (type || undefined) as Invoice['type'] | undefined,
            from: from || undefined,
            to: to || undefined,
            q: q || undefined,
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
      .catch(() => ticket === latest.current && setList((l) => ({ ...l, loading: false, error: t('errors.network') })));
  }, [type, from, to, q, page, reloads]);

  const reload = () => setReloads((n) => n + 1);

  const download = async (invoice: Invoice) => {
    try {
      const mark = await downloadInvoicePdf(invoice);
      if (!mark) announce(t('inv.downloadFailed'));
      else announce(t(mark === 'original' ? 'inv.downloaded.original' : 'inv.downloaded.copy', { number: invoice.number }));
    } catch {
      announce(t('errors.network'));
    }
    reload();
  };

  const filtered = Boolean(type || from || to || q);
  const pages = list.total === null ? null : Math.max(1, Math.ceil(list.total / LIMIT));

  return (
    <div>
      <div class="page-head">
        <h2>{t('inv.title')}</h2>
        <button type="button" class="button button-primary" onClick={() => setIssuing(true)}>
          {t('inv.new')}
        </button>
      </div>

      <div class="toolbar pay-filters" role="search" aria-label={t('inv.filters')}>
        <Field
          label={t('inv.filter.type')}
          name="type"
          as="select"
          value={type}
          onValue={(v) => (setType(v), setPage(1))}
          options={[{ value: '', label: t('pay.filter.any') }, ...INVOICE_TYPES.map((v) => ({ value: v, label: t(`inv.type.${v}`) }))]}
        />
        <Field label={t('inv.filter.from')} name="invFrom" type="date" value={from} onValue={(v) => (setFrom(v), setPage(1))} />
        <Field label={t('inv.filter.to')} name="invTo" type="date" value={to} onValue={(v) => (setTo(v), setPage(1))} />
        <Field label={t('inv.filter.search')} name="invQ" type="search" value={search} onValue={setSearch} />
      </div>

      <p class="muted" aria-live="polite">
        {list.loading ? t('app.loading') : list.total !== null ? t('inv.count', { count: fmt.number(list.total) }) : ''}
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
        <p class="empty">{filtered ? t('inv.empty') : t('inv.emptyStart')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table stack-table invoices-table" aria-busy={list.loading}>
            <caption class="sr-only">{t('inv.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inv.col.document')}</th>
                <th scope="col">{t('inv.col.date')}</th>
                <th scope="col">{t('inv.col.customer')}</th>
                <th scope="col">{t('inv.col.total')}</th>
                <th scope="col">{t('inv.col.pdf')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((inv) => {
                const name = t('inv.docName', { title: t(`inv.type.${inv.type}`), number: inv.number });
                return (
                  <tr key={inv.id} data-invoice-id={inv.id} data-type={inv.type}>
                    <th scope="row" data-label={t('inv.col.document')}>
                      {name}
                    </th>
                    <td data-label={t('inv.col.date')}>{fmt.calendarDate(inv.issueDate)}</td>
                    <td data-label={t('inv.col.customer')}>{inv.billedTo.name}</td>
                    <td data-label={t('inv.col.total')}>
                      {fmt.money(inv.type === 'credit_note' ? -inv.totalAgorot : inv.totalAgorot, inv.currency)}
                    </td>
                    <td data-label={t('inv.col.pdf')}>
                      <div class="row-actions">
                        <button type="button" class="button button-small" onClick={() => download(inv)}>
                          {t('inv.download')}
                          <span class="sr-only"> {name}</span>
                        </button>
                        <span class="muted small mark">
                          {inv.originalDeliveredAt ? t('inv.mark.copyNext') : t('inv.mark.originalNext')}
                        </span>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <Pager page={page} pages={pages} label={t('inv.pagination')} onPage={setPage} />

      {issuing && (
        <IssueInvoiceDialog
          onClose={() => {
            setIssuing(false);
            reload();
          }}
          onDownload={download}
        />
      )}
    </div>
  );
}
