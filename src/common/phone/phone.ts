import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Normalizes a phone number to E.164 (`050-1234567` → `+972501234567`), with
 * Israel as the default region. Returns null when it is not a valid number.
 */
export function toE164(input: string, defaultRegion: CountryCode = 'IL'): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  // "972-50-123-4567": an international number written without the plus.
  const candidate = /^972[\d\s-]{8,}$/.test(trimmed) ? `+${trimmed}` : trimmed;
  const parsed = parsePhoneNumberFromString(candidate, defaultRegion);
  return parsed?.isValid() ? parsed.number : null;
}

/** An E.164 number written the way people in its country write it (`+97235551234` → `03-555-1234`); other text unchanged. */
export function nationalPhone(phone: string): string {
  return parsePhoneNumberFromString(phone)?.formatNational() ?? phone;
}
