/**
 * The amount before VAT above which a tax invoice to a business customer needs
 * an allocation number, by the date the threshold took effect. Configured as
 * ALLOCATION_THRESHOLDS (`YYYY-MM-DD:shekels,…`) so a change of the law is a
 * change of configuration. Before the first date none is needed.
 */
export interface DatedThreshold {
  /** Local date `YYYY-MM-DD` from which it applies. */
  from: string;
  amountAgorot: number;
}

/** 25,000 ₪ from 5 May 2024, 20,000 ₪ in 2025, 10,000 ₪ from 1 January 2026, 5,000 ₪ from 1 June 2026. */
export const DEFAULT_ALLOCATION_THRESHOLDS = '2024-05-05:25000,2025-01-01:20000,2026-01-01:10000,2026-06-01:5000';

export const THRESHOLDS_PATTERN = /^\d{4}-\d{2}-\d{2}:\d{1,9}(,\d{4}-\d{2}-\d{2}:\d{1,9})*$/;

export function parseThresholds(text: string): DatedThreshold[] {
  if (!THRESHOLDS_PATTERN.test(text)) throw new Error(`not a list of YYYY-MM-DD:shekels: ${text}`);
  return text
    .split(',')
    .map((part) => {
      const [from, shekels] = part.split(':');
      return { from, amountAgorot: Number(shekels) * 100 };
    })
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** The threshold in force on `date` (`YYYY-MM-DD`), or null when none applied yet. */
export function thresholdOn(thresholds: readonly DatedThreshold[], date: string): DatedThreshold | null {
  let found: DatedThreshold | null = null;
  for (const t of thresholds) if (t.from <= date) found = t;
  return found;
}
