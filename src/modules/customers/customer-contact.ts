import { isEmail } from 'class-validator';
import { toE164 } from '../../common/phone/phone';
import { normalizeEmail } from '../../common/text/normalize';

/** `' '`, `''`, null and undefined all mean "no value". */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** E.164 phone, null when absent, `undefined` when present but invalid. */
export function parsePhone(value: string | null | undefined): string | null | undefined {
  const raw = blankToNull(value);
  if (raw === null) return null;
  return toE164(raw) ?? undefined;
}

/** Lower-cased email, null when absent, `undefined` when present but invalid. */
export function parseEmail(value: string | null | undefined): string | null | undefined {
  const raw = blankToNull(value);
  if (raw === null) return null;
  const email = normalizeEmail(raw);
  return isEmail(email) && email.length <= 254 ? email : undefined;
}
