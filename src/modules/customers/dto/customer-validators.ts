import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches, MaxLength, ValidateBy } from 'class-validator';
import { Trim } from '../../../common/validation/transforms';

/** Hebrew or Latin letters (with niqqud/accents), spaces, apostrophes, geresh, gershayim, dots and hyphens. */
export const PERSON_NAME = /^[\p{Script=Hebrew}\p{Script=Latin}][\p{Script=Hebrew}\p{Script=Latin}\p{M}\s'’"׳״.-]*$/u;

/** A first or last name in Hebrew or Latin letters, at most 100 characters. */
export const IsPersonName = () =>
  applyDecorators(
    Trim(),
    MaxLength(100),
    Matches(PERSON_NAME, { message: ({ property }) => `${property} must be written in Hebrew or Latin letters` }),
  );

export const isCalendarDate = (value: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};

/** `YYYY-MM-DD`, a real date between 1900-01-01 and today. */
export const IsBirthday = () =>
  ValidateBy({
    name: 'isBirthday',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && isCalendarDate(value) && value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10),
      defaultMessage: (args) => `${args?.property ?? 'birthday'} must be a past date written YYYY-MM-DD`,
    },
  });

const CUSTOM_KEY = /^[\p{L}\p{N}_ .-]{1,50}$/u;

/** A flat object of at most 50 keys whose values are strings (≤ 500), numbers, booleans or null. */
export const IsCustomFields = () =>
  ValidateBy({
    name: 'isCustomFields',
    validator: {
      validate: (value: unknown) => {
        if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
        const entries = Object.entries(value as Record<string, unknown>);
        return (
          entries.length <= 50 &&
          entries.every(
            ([k, v]) =>
              CUSTOM_KEY.test(k) &&
              (v === null ||
                typeof v === 'boolean' ||
                (typeof v === 'number' && Number.isFinite(v)) ||
                (typeof v === 'string' && v.length <= 500)),
          )
        );
      },
      defaultMessage: (args) =>
        `${args?.property ?? 'customFields'} must be an object of at most 50 keys (letters, digits, _ . -) whose values are text (up to 500 characters), numbers, booleans or null`,
    },
  });

/** Trims, drops empty and duplicate tags. */
export const NormalizeTags = () =>
  Transform(({ value }) =>
    Array.isArray(value) ? [...new Set(value.map((t) => (typeof t === 'string' ? t.trim() : t)).filter((t) => t !== ''))] : value,
  );
