import { Transform } from 'class-transformer';
import { normalizeEmail } from '../text/normalize';

/** Strips surrounding white space from a string field before it is validated. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims and lower-cases an email field before it is validated, so emails compare equal everywhere. */
export const NormalizeEmail = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeEmail(value) : value));
