/**
 * The money of one document, in integer agorot, with one rounding rule.
 *
 * - A quantity has up to 3 decimals and is held in thousandths; every product
 *   is computed exactly in BigInt and rounded once, half away from zero.
 * - A line's amount is quantity × unit price (rounded to the agora) minus the
 *   line's discount; it is never negative.
 * - VAT is computed once, on the document's total, never per line:
 *   prices before VAT: net = Σ lines, VAT = round(net × rate), total = net + VAT;
 *   prices including VAT: total = Σ lines, VAT = round(total × rate / (1 + rate)),
 *   net = total − VAT. Either way net + VAT = total exactly.
 * - A VAT-exempt business (עוסק פטור) shows no VAT: net = total = Σ lines.
 * Rates are in basis points (1800 = 18 %).
 */

export interface LineInput {
  /** Decimal text with up to 3 decimals ("1", "2.5", "0.125"). */
  quantity: string;
  unitPriceAgorot: number;
  /** The line's discount in agorot (0 when none). */
  discountAgorot?: number;
}

export interface LineTotals {
  quantity: string;
  quantityMilli: number;
  unitPriceAgorot: number;
  discountAgorot: number;
  totalAgorot: number;
}

export interface DocumentTotals {
  lines: LineTotals[];
  /** Before VAT. */
  subtotalAgorot: number;
  /** 0 when no VAT applies. */
  vatAgorot: number;
  totalAgorot: number;
}

/** Why a document's amounts cannot be computed; `index` names the line. */
export class TotalsError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The largest document total accepted: 10 billion ₪ (the Tax Authority's API takes up to 999,999,999,999.99). */
export const MAX_TOTAL_AGOROT = 1_000_000_000_000;

const QUANTITY = /^(0|[1-9]\d{0,6})(?:\.(\d{1,3}))?$/;

/** "2.5" → 2500 thousandths; undefined when it is not a decimal with at most 3 decimals (and 7 integer digits). */
export function parseQuantity(text: string): number | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

/** 2500 → "2.5": the shortest text for a quantity in thousandths. */
export function formatQuantity(milli: number): string {
  const whole = Math.trunc(milli / 1000);
  const frac = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** numerator / denominator rounded half away from zero (denominator > 0). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (n * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/** VAT on an amount before VAT, rounded half away from zero. */
export function vatOnNet(netAgorot: number, rateBp: number): number {
  return Number(divRound(BigInt(netAgorot) * BigInt(rateBp), 10_000n));
}

/** The VAT inside an amount that includes it, rounded half away from zero. */
export function vatInGross(grossAgorot: number, rateBp: number): number {
  return Number(divRound(BigInt(grossAgorot) * BigInt(rateBp), 10_000n + BigInt(rateBp)));
}

/** Computes every amount of a document; throws TotalsError naming the field that makes it impossible. */
export function computeTotals(
  inputs: readonly LineInput[],
  opts: { vatRateBp: number; pricesIncludeVat: boolean; vatApplies: boolean },
): DocumentTotals {
  if (!Number.isInteger(opts.vatRateBp) || opts.vatRateBp < 0 || opts.vatRateBp > 10_000)
    throw new TotalsError('vatRate', 'The VAT rate must be between 0 and 100 %');
  const lines = inputs.map((line, i): LineTotals => {
    const quantityMilli = parseQuantity(line.quantity);
    if (quantityMilli === undefined || quantityMilli === 0)
      throw new TotalsError(`lines.${i}.quantity`, 'quantity must be a positive number with at most 3 decimals');
    const discountAgorot = line.discountAgorot ?? 0;
    const gross = divRound(BigInt(quantityMilli) * BigInt(line.unitPriceAgorot), 1000n);
    if (BigInt(discountAgorot) > gross)
      throw new TotalsError(`lines.${i}.discountAgorot`, 'The discount is larger than the line (quantity × unit price)');
    const total = gross - BigInt(discountAgorot);
    if (total > BigInt(MAX_TOTAL_AGOROT)) throw new TotalsError(`lines.${i}`, 'The line is larger than a document may be');
    return {
      quantity: formatQuantity(quantityMilli),
      quantityMilli,
      unitPriceAgorot: line.unitPriceAgorot,
      discountAgorot,
      totalAgorot: Number(total),
    };
  });
  const sum = lines.reduce((s, l) => s + BigInt(l.totalAgorot), 0n);
  if (sum > BigInt(MAX_TOTAL_AGOROT)) throw new TotalsError('lines', 'The document total is larger than 10,000,000,000 ₪');
  const lineSum = Number(sum);
  if (!opts.vatApplies) return { lines, subtotalAgorot: lineSum, vatAgorot: 0, totalAgorot: lineSum };
  if (opts.pricesIncludeVat) {
    const vat = vatInGross(lineSum, opts.vatRateBp);
    return { lines, subtotalAgorot: lineSum - vat, vatAgorot: vat, totalAgorot: lineSum };
  }
  const vat = vatOnNet(lineSum, opts.vatRateBp);
  if (lineSum + vat > MAX_TOTAL_AGOROT) throw new TotalsError('lines', 'The document total is larger than 10,000,000,000 ₪');
  return { lines, subtotalAgorot: lineSum, vatAgorot: vat, totalAgorot: lineSum + vat };
}

/** 1800 → "18", 1750 → "17.5": a rate in basis points as a percentage. */
export function formatRate(rateBp: number): string {
  const whole = Math.trunc(rateBp / 100);
  const frac = String(rateBp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
