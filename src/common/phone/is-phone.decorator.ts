import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { toE164 } from './phone';

/** Why a phone number was refused: shared by the decorator and the places that check phones outside a DTO. */
export const invalidPhoneMessage = (field: string) => `${field} must be a valid phone number (e.g. 050-1234567 or +972501234567)`;

/**
 * Accepts any common way of writing a phone number and hands the handler its
 * E.164 form; an invalid number fails validation on the field.
 */
export const IsPhone = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? (toE164(value) ?? { invalidPhone: value }) : value)),
    ValidateBy({
      name: 'isPhone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.startsWith('+'),
        defaultMessage: (args) => invalidPhoneMessage(args?.property ?? 'phone'),
      },
    }),
  );
