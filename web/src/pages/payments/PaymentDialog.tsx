import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formErrors } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { LinkPanel } from './LinkPanel';
import { agorotOf, downloadInvoicePdf, StatusBadge, type Invoice, type PaymentDetail } from './shared';

const POLL_MS = 2000;

/** One payment: status (asked again while it waits for the payer or a credit note), its document, refunds and their credit notes. */
export function PaymentDialog(props: { id: string; customerName: string | null; onClose(): void; onChanged(): void }) {
  const { t, fmt, announce } = useApp();
  const [payment, setPayment] = useState<PaymentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [documents, setDocuments] = useState<Record<string, Invoice>>({});
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .GET('/api/payments/{id}', { params: { path: { id: props.id } } })
      .then(({ data, error: problem, response }) => {
        if (!live) return;
        if (data) {
          setPayment((before) => {
            if (before && before.status !== data.status) {
              announce(t('pay.statusChanged', { status: t(`pay.status.${data.status}`) }));
              props.onChanged();
            }
            return data;
          });
          setError(null);
        } else setError(formErrors(problem, response.status, [], t).form ?? null);
      })
      .catch(() => live && setError(t('errors.network')));
    return () => {
      live = false;
    };
  }, [props.id, reloads]);

  // Waiting for the payer, or for a refund's credit note (issued by a job): ask again.
  const waiting =
    payment !== null &&
    (payment.status === 'pending' ||
      (payment.status !== 'failed' &&
        payment.status !== 'cancelled' &&
        payment.status !== 'expired' &&
        !payment.invoiceId &&
        payment.paidAt !== null) ||
      payment.refunds.some((r) => r.status === 'requested' || (r.status === 'succeeded' && !r.creditNoteId)));
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setReloads((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, payment]);

  // The documents it names: its invoice-receipt and its refunds' credit notes.
  const documentIds = payment ? [payment.invoiceId, ...payment.refunds.map((r) => r.creditNoteId)].filter((x): x is string => !!x) : [];
  useEffect(() => {
    for (const id of documentIds) {
      if (documents[id]) continue;
      void api.GET('/api/invoices/{id}', { params: { path: { id } } }).then(({ data }) => {
        if (data) setDocuments((d) => ({ ...d, [id]: data }));
      });
    }
  }, [documentIds.join(',')]);

  const download = async (invoice: Invoice) => {
    try {
      const mark = await downloadInvoicePdf(invoice);
      if (!mark) announce(t('inv.downloadFailed'));
      else {
        announce(t(mark === 'original' ? 'inv.downloaded.original' : 'inv.downloaded.copy', { number: invoice.number }));
        const { data } = await api.GET('/api/invoices/{id}', { params: { path: { id: invoice.id } } });
        if (data) setDocuments((d) => ({ ...d, [invoice.id]: data }));
      }
    } catch {
      announce(t('errors.network'));
    }
  };

  const cancel = async () => {
    try {
      const { error: problem, response } = await api.POST('/api/payments/{id}/cancel', { params: { path: { id: props.id } } });
      if (problem) setError(formErrors(problem, response.status, [], t).form ?? null);
    } catch {
      setError(t('errors.network'));
    }
    setReloads((n) => n + 1);
  };

  const title = payment ? `${payment.description} · ${fmt.money(payment.amount, payment.currency)}` : t('pay.details');
  const refundable = payment && (payment.status === 'paid' || payment.status === 'partially_refunded');

  return (
    <Dialog title={title} onClose={props.onClose} wide>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {!payment ? (
        !error && <p role="status">{t('app.loading')}</p>
      ) : (
        <div class="payment-detail">
          <dl class="facts">
            <div>
              <dt>{t('pay.col.status')}</dt>
              <dd>
                <StatusBadge status={payment.status} />
              </dd>
            </div>
            <div>
              <dt>{t('pay.col.customer')}</dt>
              <dd>{props.customerName ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('pay.col.amount')}</dt>
              <dd>{fmt.money(payment.amount, payment.currency)}</dd>
            </div>
            <div>
              <dt>{t('pay.form.installments')}</dt>
              <dd>{fmt.number(payment.installments)}</dd>
            </div>
            <div>
              <dt>{t('pay.col.created')}</dt>
              <dd>{fmt.dateTime(payment.createdAt)}</dd>
            </div>
            {payment.paidAt && (
              <div>
                <dt>{t('pay.paidAt')}</dt>
                <dd>{fmt.dateTime(payment.paidAt)}</dd>
              </div>
            )}
            {payment.refundedAmount > 0 && (
              <div>
                <dt>{t('pay.refunded')}</dt>
                <dd>{fmt.money(payment.refundedAmount, payment.currency)}</dd>
              </div>
            )}
            {payment.expiresAt && payment.status === 'pending' && (
              <div>
                <dt>{t('pay.expiresAt')}</dt>
                <dd>{fmt.dateTime(payment.expiresAt)}</dd>
              </div>
            )}
          </dl>
          {payment.reviewReason && (
            <p class="alert alert-error" dir="auto">
              {t('pay.review')}: {payment.reviewReason}
            </p>
          )}

          {payment.status === 'pending' && (
            <>
              <p class="muted" aria-live="polite">
                {t('pay.waiting')}
              </p>
              <LinkPanel payment={payment} />
              <div class="form-actions">
                <button type="button" class="button button-quiet" onClick={cancel}>
                  {t('pay.cancelPayment')}
                </button>
              </div>
            </>
          )}

          <h3>{t('pay.documents')}</h3>
          {documentIds.length === 0 ? (
            <p class="muted">{payment.paidAt ? t('pay.documentPending') : t('pay.noDocument')}</p>
          ) : (
            <ul class="doc-list">
              {documentIds.map((id) => {
                const doc = documents[id];
                return (
                  <li key={id} data-invoice-id={id}>
                    {doc ? (
                      <>
                        <span>
                          {t('inv.docName', { title: t(`inv.type.${doc.type}`), number: doc.number })} ·{' '}
                          {fmt.money(doc.totalAgorot, doc.currency)}{' '}
                          <span class="muted">({doc.originalDeliveredAt ? t('inv.mark.copyNext') : t('inv.mark.originalNext')})</span>
                        </span>
                        <button type="button" class="button button-small" onClick={() => download(doc)}>
                          {t('inv.download')}
                          <span class="sr-only"> {t('inv.docName', { title: t(`inv.type.${doc.type}`), number: doc.number })}</span>
                        </button>
                      </>
                    ) : (
                      <span class="muted">{t('app.loading')}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}

          {payment.refunds.length > 0 && (
            <>
              <h3>{t('pay.refunds')}</h3>
              <ul class="doc-list">
                {payment.refunds.map((r) => (
                  <li key={r.id}>
                    {fmt.money(r.amount, payment.currency)} · {fmt.dateTime(r.createdAt)} · {t(`pay.refund.${r.status}`)}
                    {r.error && <span class="field-error"> {r.error}</span>}
                    {r.status === 'succeeded' && !r.creditNoteId && <span class="muted"> · {t('pay.creditPending')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}

          {refundable && (
            <RefundForm
              payment={payment}
              onRefunded={(next) => {
                setPayment(next);
                props.onChanged();
              }}
            />
          )}
        </div>
      )}
      <div class="form-actions">
        <button type="button" class="button" onClick={() => setReloads((n) => n + 1)}>
          {t('pay.refresh')}
        </button>
        <button type="button" class="button button-primary" onClick={props.onClose}>
          {t('pay.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** Refund all that is left (the default) or part of it; the API refunds through the gateway, then issues the credit note. */
function RefundForm(props: { payment: PaymentDetail; onRefunded(payment: PaymentDetail): void }) {
  const { t, fmt, announce } = useApp();
  const left = props.payment.amount - props.payment.refundedAmount;
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = useRef(crypto.randomUUID());

  const agorot = amount.trim() ? agorotOf(amount) : left;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (agorot === null || agorot < 1 || agorot > left) {
      setError({ field: t('pay.refundForm.amountInvalid', { max: fmt.money(left, props.payment.currency) }) });
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    setError({});
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.POST('/api/payments/{id}/refund', {
        params: { path: { id: props.payment.id }, header: { 'Idempotency-Key': key.current } },
        body: amount.trim() ? { amount: agorot } : {},
      });
      if (data) {
        key.current = crypto.randomUUID();
        setAmount('');
        setConfirming(false);
        announce(t('pay.refundForm.done', { amount: fmt.money(agorot, props.payment.currency) }));
        props.onRefunded(data);
      } else {
        const mapped = formErrors(problem, response.status, ['amount'], t);
        setError({ field: mapped.fields.amount, form: mapped.fields.amount ? undefined : mapped.form });
        setConfirming(false);
      }
    } catch {
      setError({ form: t('errors.network') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="refund-form" onSubmit={submit} noValidate>
      <h3>{t('pay.refundForm.title')}</h3>
      {error.form && (
        <p class="alert alert-error" role="alert">
          {error.form}
        </p>
      )}
      <Field
        label={t('pay.refundForm.amount')}
        name="refundAmount"
        value={amount}
        onValue={(v) => {
          setAmount(v);
          setConfirming(false);
          key.current = crypto.randomUUID();
        }}
        dir="ltr"
        inputMode="decimal"
        autoComplete="off"
        hint={t('pay.refundForm.hint', { max: fmt.money(left, props.payment.currency) })}
        error={error.field}
      />
      {confirming && agorot !== null && (
        <p class="alert" role="alert">
          {t('pay.refundForm.confirm', { amount: fmt.money(agorot, props.payment.currency) })}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('pay.refundForm.refunding') : confirming ? t('pay.refundForm.confirmButton') : t('pay.refundForm.submit')}
        </button>
      </div>
    </form>
  );
}
