import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NormalizeEmail } from '../../../common/validation/transforms';

/** Trimmed, lower-cased, a valid address of at most 254 characters. */
export const IsSubscriberEmail = () =>
  applyDecorators(NormalizeEmail(), IsEmail({}, { message: 'email must be an email' }), MaxLength(254));

/** Up to 50 list names of 1–60 characters each, trimmed and without duplicates. */
export const IsListNames = () =>
  applyDecorators(
    Transform(({ value }) => (Array.isArray(value) ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim() : v)))] : value)),
    IsArray(),
    ArrayMaxSize(50),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(60, { each: true }),
  );
