import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { NormalizeEmail, Trim } from '../../../common/validation/transforms';
import { CUSTOMER_FIELDS as F } from '../../customers/customer-fields';
import type { NewCustomerDto } from '../../customers/dto/new-customer.dto';

// The new customer as registrations took it before `customer { … }`: flat
// fields beside `customerId`. They keep working, with the rules they had, for
// one release; everything about them is in this file so it goes in one piece.

export interface FlatCustomerFields {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  language?: 'he' | 'en';
}

/** A registration body: the flat fields beside the ways that replace them. */
type Body = FlatCustomerFields & { customerId?: string; customer?: unknown };
/** Whether the body names its customer no other way, so the flat fields must. */
type NoOtherCustomer = (body: Body) => boolean;

const Deprecated = (doc: Record<string, unknown>) =>
  ApiPropertyOptional({ ...doc, deprecated: true, description: 'Deprecated: send customer { … }' });

export const FlatFirstName = (needed: NoOtherCustomer) =>
  applyDecorators(
    Deprecated({ example: 'נועה' }),
    ValidateIf((o: Body) => o.firstName !== undefined || needed(o)),
    Trim(),
    IsString(),
    IsNotEmpty(),
    MaxLength(F.firstName.maxLength),
  );

export const FlatLastName = () =>
  applyDecorators(Deprecated({ example: 'כהן' }), IsOptional(), Trim(), IsString(), MaxLength(F.lastName.maxLength));

/** `needed`: the email must be there unless a phone is (staff registrations answered the missing contact on email). */
export const FlatEmail = (needed?: NoOtherCustomer) =>
  applyDecorators(
    Deprecated({ example: 'noa@example.co.il' }),
    ...(needed
      ? [
          ValidateIf((o: Body) => o.email !== undefined || (needed(o) && o.phone === undefined)),
          NormalizeEmail(),
          IsNotEmpty({ message: 'email or phone is required' }),
        ]
      : [IsOptional(), NormalizeEmail()]),
    IsEmail({}, { message: 'email must be an email' }),
    MaxLength(F.email.maxLength),
  );

/** `needed`: the phone must be there unless an email is (public registrations answered the missing contact on phone). */
export const FlatPhone = (needed?: NoOtherCustomer) =>
  applyDecorators(
    Deprecated({ example: '052-7654321' }),
    needed ? ValidateIf((o: Body) => o.phone !== undefined || (needed(o) && o.email === undefined)) : IsOptional(),
    IsPhone(),
  );

export const FlatLanguage = () => applyDecorators(Deprecated({ enum: F.language.values }), IsOptional(), IsIn([...F.language.values]));

/** The new customer the flat fields give, if any was sent (validation required a first name when they are all there is). */
export function flatCustomer(body: FlatCustomerFields): NewCustomerDto | undefined {
  const { firstName, lastName, email, phone, language } = body;
  if ([firstName, lastName, email, phone, language].every((v) => v === undefined)) return undefined;
  return { firstName: firstName ?? '', lastName, email, phone, language };
}
