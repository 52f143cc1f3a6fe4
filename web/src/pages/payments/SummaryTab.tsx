import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors } from '../../api/problem';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { saveFile, todayIn } from './shared';

/** The bookkeeper's summary for a period (document dates, business time zone) and the period's CSV. */
export function SummaryTab() {
  const { t, fmt, lang, business } = useApp();
  const today = todayIn(business?.timeZone ?? 'Asia/Jerusalem');
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [summary, setSummary] = useState<Schemas['InvoiceSummaryDto'] | null>(null);
  const [error, setError] = useState<{ from?: string; to?: string; form?: string }>({});
  const [loading, setLoading] = useState(true);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    setLoading(true);
    api
      .GET('/api/invoices/summary', { params: { query: { from, to } } })
      .then(({ data, error: problem, response }) => {
        if (!live) return;
        setLoading(false);
        if (data) {
          setSummary(data);
          setError({});
        } else {
          const mapped = formErrors(problem, response.status, ['from', 'to'], t);
          setSummary(null);
          setError({ ...mapped.fields, form: mapped.form });
        }
      })
      .catch(() => live && (setLoading(false), setError({ form: t('errors.network') })));
    return () => {
      live = false;
    };
  }, [from, to]);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.GET('/api/invoices/export', {
        params: { query: { from, to, headers: lang } },
        parseAs: 'blob',
      });
      if (data) saveFile(data, `documents-${from}-${to}.csv`);
      else setError({ form: formErrors(problem, response.status, [], t).form });
    } catch {
      setError({ form: t('errors.network') });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div>
      <div class="page-head">
        <h2>{t('sum.title')}</h2>
        <button type="button" class="button" disabled={exporting || !from || !to} onClick={exportCsv}>
          {exporting ? t('sum.exporting') : t('sum.export')}
        </button>
      </div>
      <div class="toolbar pay-filters">
        <Field label={t('sum.from')} name="sumFrom" type="date" value={from} onValue={setFrom} error={error.from} />
        <Field label={t('sum.to')} name="sumTo" type="date" value={to} onValue={setTo} error={error.to} />
      </div>
      {error.form && (
        <p class="alert alert-error" role="alert">
          {error.form}
        </p>
      )}
      <p class="muted" aria-live="polite">
        {loading
          ? t('app.loading')
          : summary
            ? t('sum.period', { from: fmt.calendarDate(summary.from), to: fmt.calendarDate(summary.to) })
            : ''}
      </p>
      {summary && (
        <>
          <dl class="cards summary-cards">
            <div class="card">
              <dt class="card-title">{t('sum.sales')}</dt>
              <dd class="card-figure">{fmt.money(summary.salesAgorot, summary.currency)}</dd>
            </div>
            <div class="card">
              <dt class="card-title">{t('sum.vat')}</dt>
              <dd class="card-figure">{fmt.money(summary.vatAgorot, summary.currency)}</dd>
            </div>
            <div class="card">
              <dt class="card-title">{t('sum.received')}</dt>
              <dd class="card-figure">{fmt.money(summary.receivedAgorot, summary.currency)}</dd>
            </div>
          </dl>
          <div class="table-wrap">
            <table class="table stack-table summary-table">
              <caption class="sr-only">{t('sum.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sum.col.type')}</th>
                  <th scope="col">{t('sum.col.count')}</th>
                  <th scope="col">{t('sum.col.subtotal')}</th>
                  <th scope="col">{t('sum.col.vat')}</th>
                  <th scope="col">{t('sum.col.total')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.byType.map((row) => (
                  <tr key={row.type}>
                    <th scope="row" data-label={t('sum.col.type')}>
                      {t(`inv.type.${row.type}`)}
                    </th>
                    <td data-label={t('sum.col.count')}>{fmt.number(row.count)}</td>
                    <td data-label={t('sum.col.subtotal')}>{fmt.money(row.subtotalAgorot, summary.currency)}</td>
                    <td data-label={t('sum.col.vat')}>{fmt.money(row.vatAgorot, summary.currency)}</td>
                    <td data-label={t('sum.col.total')}>{fmt.money(row.totalAgorot, summary.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
