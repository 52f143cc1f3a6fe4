import { IsISO8601, Matches, ValidateBy } from 'class-validator';
import { DateTime } from 'luxon';

/** `2026-05-01T19:00`, `2026-05-01T19:00:00`, `2026-05-01T19:00:00.000+03:00`, `…Z`. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Parses an ISO 8601 date-time. With an offset (or `Z`) it is that instant;
 * without one it is wall-clock time in `zone` (the business's time zone), so
 * `2026-05-01T19:00` in Asia/Jerusalem is 16:00 UTC. Null when invalid.
 */
export function parseZonedDateTime(input: string, zone: string): Date | null {
  if (!ISO_DATE_TIME.test(input)) return null;
  const parsed = HAS_OFFSET.test(input) ? DateTime.fromISO(input, { setZone: true }) : DateTime.fromISO(input, { zone });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** The instant as local ISO time with offset in `zone` (`2026-05-01T19:00:00.000+03:00`), for people to read. */
export function toZonedIso(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toISO() ?? date.toISOString();
}

/** Validates an ISO 8601 date-time with or without offset (the offset-less form is read in the business time zone). */
export const IsZonedDateTime = () =>
  ValidateBy({
    name: 'isZonedDateTime',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseZonedDateTime(value, 'UTC') !== null,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be an ISO 8601 date-time, e.g. 2026-05-01T19:00 (business time zone) or 2026-05-01T19:00:00+03:00`,
    },
  });

/**
 * An instant: ISO 8601 with a UTC offset or Z, never read in a time zone.
 * Bookings take instants (a booking time is never ambiguous); event times and
 * other business-calendar times take `IsZonedDateTime` (an offset-less local
 * time is read in the business time zone).
 */
export const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;
export const IsInstant = () => (target: object, key: string) => {
  IsISO8601({ strict: true, strictSeparator: true }, { message: `${key} must be an ISO 8601 date-time` })(target, key);
  Matches(WITH_OFFSET, { message: `${key} must include a UTC offset, e.g. 2026-03-27T10:00:00+03:00` })(target, key);
};
