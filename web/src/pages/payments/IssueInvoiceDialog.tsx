import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors, type FormErrors } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { agorotOf, CustomerPicker, type Customer, type Invoice } from './shared';

interface Line {
  description: string;
  quantity: string;
  unitPrice: string;
}

const METHODS = ['cash', 'bank_transfer', 'other'] as const;
type Method = '' | (typeof METHODS)[number];

const emptyLine = (): Line => ({ description: '', quantity: '1', unitPrice: '' });

/**
 * A manual document: the lines (the API works out VAT by the business's VAT
 * status and rate), and, when the money was already received, how: then it is
 * an invoice-receipt (or a receipt for an exempt business). The totals shown
 * after are the API's.
 */
export function IssueInvoiceDialog(props: { onClose(): void; onDownload(invoice: Invoice): Promise<void> }) {
  const { t, fmt, announce } = useApp();
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [includeVat, setIncludeVat] = useState(true);
  const [method, setMethod] = useState<Method>('');
  const [paid, setPaid] = useState('');
  const [reference, setReference] = useState('');
  const [remarks, setRemarks] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<Invoice | null>(null);
  const key = useRef(crypto.randomUUID());
  const touched = () => (key.current = crypto.randomUUID());

  const fieldNames = [
    'customerId',
    ...lines.flatMap((_, i) => [`lines.${i}.description`, `lines.${i}.quantity`, `lines.${i}.unitPriceAgorot`]),
    'lines',
    'payments',
    'remarks',
  ];

  const setLine = (i: number, field: keyof Line) => (value: string) => {
    touched();
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, [field]: value } : l)));
  };

  // With VAT-inclusive prices the lines add up to what was paid: offered as the amount received.
  const linesSum = lines.reduce<number | null>((sum, l) => {
    const price = agorotOf(l.unitPrice);
    const qty = Number(l.quantity);
    return sum === null || price === null || !Number.isInteger(qty) ? null : sum + price * qty;
  }, 0);

  const submit = async (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!customer) local.customerId = t('pay.form.customerRequired');
    const body: Schemas['CreateInvoiceDto'] = { customerId: customer?.id ?? '', pricesIncludeVat: includeVat, lines: [] };
    lines.forEach((l, i) => {
      const price = agorotOf(l.unitPrice);
      const quantity = Number(l.quantity);
      if (!l.description.trim()) local[`lines.${i}.description`] = t('errors.required');
      if (!(quantity > 0)) local[`lines.${i}.quantity`] = t('inv.form.quantityInvalid');
      if (price === null) local[`lines.${i}.unitPriceAgorot`] = t('pay.form.amountInvalid');
      body.lines!.push({ description: l.description.trim(), quantity, unitPriceAgorot: price ?? 0 });
    });
    if (method) {
      const amount = agorotOf(paid);
      if (amount === null || amount < 1) local.payments = t('pay.form.amountInvalid');
      body.payments = [
        {
          method,
          amountAgorot: amount ?? 0,
          ...(method === 'other' ? { description: reference.trim() || t('inv.form.otherDefault') } : {}),
          ...(method === 'bank_transfer' && reference.trim() ? { reference: reference.trim() } : {}),
        },
      ];
    }
    if (remarks.trim()) body.remarks = remarks.trim();
    if (Object.keys(local).length) {
      setErrors({ fields: local, form: t('errors.form') });
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const result = await api.POST('/api/invoices', { body, params: { header: { 'Idempotency-Key': key.current } } });
      if (result.data) {
        setIssued(result.data);
        announce(t('inv.issued', { name: t('inv.docName', { title: t(`inv.type.${result.data.type}`), number: result.data.number }) }));
      } else setErrors(formErrors(result.error, result.response.status, fieldNames, t));
    } catch {
      setErrors({ fields: {}, form: t('errors.network') });
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const first = fieldNames.find((f) => errors.fields[f]);
    if (first) document.querySelector<HTMLElement>(`.invoice-form [name="${first === 'customerId' ? 'customerSearch' : first}"]`)?.focus();
  }, [errors]);

  if (issued) {
    const name = t('inv.docName', { title: t(`inv.type.${issued.type}`), number: issued.number });
    return (
      <Dialog title={name} onClose={props.onClose} wide>
        <p role="status">{t('inv.issued', { name })}</p>
        <dl class="facts totals">
          <div>
            <dt>{t('inv.subtotal')}</dt>
            <dd>{fmt.money(issued.subtotalAgorot, issued.currency)}</dd>
          </div>
          {issued.vatShown && (
            <div>
              <dt>{t('inv.vat', { rate: fmt.number(issued.vatRate) })}</dt>
              <dd>{fmt.money(issued.vatAgorot, issued.currency)}</dd>
            </div>
          )}
          <div>
            <dt>{t('inv.total')}</dt>
            <dd>
              <strong>{fmt.money(issued.totalAgorot, issued.currency)}</strong>
            </dd>
          </div>
        </dl>
        <div class="form-actions">
          <button type="button" class="button" onClick={() => void props.onDownload(issued)}>
            {t('inv.download')}
          </button>
          <button type="button" class="button button-primary" onClick={props.onClose}>
            {t('pay.done')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('inv.form.title')} onClose={props.onClose} wide>
      <form class="invoice-form" onSubmit={submit} noValidate>
        {errors.form && (
          <p class="alert alert-error" role="alert">
            {errors.form}
          </p>
        )}
        <CustomerPicker
          label={t('pay.form.customer')}
          value={customer}
          onChange={(c) => (touched(), setCustomer(c))}
          error={errors.fields.customerId}
        />

        <fieldset class="lines">
          <legend>{t('inv.form.lines')}</legend>
          {errors.fields.lines && <p class="field-error">{errors.fields.lines}</p>}
          {lines.map((line, i) => (
            <div class="line-row" key={i} role="group" aria-label={t('inv.form.line', { n: i + 1 })}>
              <Field
                label={t('inv.form.description')}
                name={`lines.${i}.description`}
                value={line.description}
                onValue={setLine(i, 'description')}
                error={errors.fields[`lines.${i}.description`]}
                required
              />
              <Field
                label={t('inv.form.quantity')}
                name={`lines.${i}.quantity`}
                value={line.quantity}
                onValue={setLine(i, 'quantity')}
                error={errors.fields[`lines.${i}.quantity`]}
                dir="ltr"
                inputMode="decimal"
              />
              <Field
                label={t('inv.form.unitPrice')}
                name={`lines.${i}.unitPriceAgorot`}
                value={line.unitPrice}
                onValue={setLine(i, 'unitPrice')}
                error={errors.fields[`lines.${i}.unitPriceAgorot`]}
                dir="ltr"
                inputMode="decimal"
                required
              />
              {lines.length > 1 && (
                <button
                  type="button"
                  class="button button-small button-quiet"
                  onClick={() => (touched(), setLines((ls) => ls.filter((_, j) => j !== i)))}
                >
                  {t('inv.form.removeLine', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          <button type="button" class="button button-small" onClick={() => (touched(), setLines((ls) => [...ls, emptyLine()]))}>
            {t('inv.form.addLine')}
          </button>
        </fieldset>

        <label class="check">
          <input type="checkbox" checked={includeVat} onChange={(e) => (touched(), setIncludeVat(e.currentTarget.checked))} />{' '}
          {t('inv.form.includeVat')}
        </label>

        <div class="form-grid">
          <Field
            label={t('inv.form.received')}
            name="method"
            as="select"
            value={method}
            onValue={(v) => {
              touched();
              setMethod(v as Method);
              if (v && !paid && includeVat && linesSum) setPaid((linesSum / 100).toFixed(2));
            }}
            options={[{ value: '', label: t('inv.form.notPaid') }, ...METHODS.map((m) => ({ value: m, label: t(`inv.method.${m}`) }))]}
            hint={t('inv.form.receivedHint')}
          />
          {method && (
            <Field
              label={t('inv.form.paidAmount')}
              name="payments"
              value={paid}
              onValue={(v) => (touched(), setPaid(v))}
              error={errors.fields.payments}
              dir="ltr"
              inputMode="decimal"
              required
            />
          )}
          {(method === 'bank_transfer' || method === 'other') && (
            <Field
              label={t('inv.form.reference')}
              name="reference"
              value={reference}
              onValue={(v) => (touched(), setReference(v))}
              hint={t('inv.form.referenceHint')}
            />
          )}
        </div>
        <Field
          label={t('inv.form.remarks')}
          name="remarks"
          as="textarea"
          value={remarks}
          onValue={(v) => (touched(), setRemarks(v))}
          error={errors.fields.remarks}
        />
        <p class="muted">{t('inv.form.vatNote')}</p>
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t('inv.form.issuing') : t('inv.form.issue')}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t('customerForm.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
