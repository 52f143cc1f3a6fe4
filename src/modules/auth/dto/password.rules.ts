import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** At least 10 characters with a letter (Latin or Hebrew) and a digit; at most 72 bytes' worth for bcrypt. */
export const IsAcceptablePassword = () =>
  applyDecorators(
    ApiProperty({ type: String, minLength: 10, maxLength: 72, example: 'Sh4lom-Olam-2026' }),
    IsString(),
    MinLength(10, { message: 'password must be at least 10 characters' }),
    MaxLength(72, { message: 'password must be at most 72 characters' }),
    Matches(/[A-Za-z\u05D0-\u05EA]/, { message: 'password must contain a letter' }),
    Matches(/\d/, { message: 'password must contain a digit' }),
  );
