import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsString, Matches, MaxLength, ValidateBy, type ValidationArguments } from 'class-validator';
import { NormalizeEmail, Trim } from '../../../common/validation/transforms';
import { CUSTOMER_FIELDS } from '../customer-fields';
import { FIELD_MESSAGES, PERSON_NAME, TAG, isBirthday, isCustomFields } from '../customer-field-rules';

// Decorators for customer fields: the limits come from the field table
// (customer-fields.ts), the checks and messages from customer-field-rules.ts,
// the same ones the CSV import applies.

/** At most `max` characters, in the words the CSV import uses too. */
export const FieldMaxLength = (max: number) =>
  MaxLength(max, { message: (a: ValidationArguments) => FIELD_MESSAGES.tooLong(a.property, max) });

/** A first or last name in Hebrew or Latin letters, at most the field's length. */
export const IsPersonName = () =>
  applyDecorators(
    Trim(),
    FieldMaxLength(CUSTOMER_FIELDS.firstName.maxLength),
    Matches(PERSON_NAME, { message: ({ property }) => FIELD_MESSAGES.personName(property) }),
  );

/** Trimmed and lower-cased, then a valid address of at most the field's length. */
export const IsCustomerEmail = () =>
  applyDecorators(
    NormalizeEmail(),
    IsEmail({}, { message: ({ property }) => FIELD_MESSAGES.email(property) }),
    FieldMaxLength(CUSTOMER_FIELDS.email.maxLength),
  );

export const IsCustomerLanguage = () =>
  IsIn([...CUSTOMER_FIELDS.language.values], {
    message: ({ property }) => FIELD_MESSAGES.oneOf(property, CUSTOMER_FIELDS.language.values),
  });

/** `YYYY-MM-DD`, a real date between 1900-01-01 and today. */
export const IsBirthday = () =>
  ValidateBy({
    name: 'isBirthday',
    validator: { validate: isBirthday, defaultMessage: (args) => FIELD_MESSAGES.birthday(args?.property ?? 'birthday') },
  });

/** A flat object of limited keys whose values are short text, numbers, booleans or null. */
export const IsCustomFields = () =>
  ValidateBy({
    name: 'isCustomFields',
    validator: { validate: isCustomFields, defaultMessage: (args) => FIELD_MESSAGES.customFields(args?.property ?? 'customFields') },
  });

/** Trims, drops empty and duplicate tags. */
const NormalizeTags = () =>
  Transform(({ value }) =>
    Array.isArray(value) ? [...new Set(value.map((t) => (typeof t === 'string' ? t.trim() : t)).filter((t) => t !== ''))] : value,
  );

/** A list of labels within the field's limits, none holding a CSV tag separator; trimmed, without empty or repeated ones. */
export const AreTags = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(CUSTOMER_FIELDS.tags.maxItems, { message: ({ property }) => FIELD_MESSAGES.tooManyTags(property) }),
    NormalizeTags(),
    IsString({ each: true }),
    MaxLength(CUSTOMER_FIELDS.tags.maxLength, { each: true, message: ({ property }) => FIELD_MESSAGES.tagTooLong(property) }),
    Matches(TAG, { each: true, message: FIELD_MESSAGES.tagSeparator() }),
  );
