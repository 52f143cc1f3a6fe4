import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException } from '../problem/app.exception';
import type { FieldError } from '../problem/problem-details';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return own.concat(flatten(e.children ?? [], field));
  });
}

/** Whitelisting, transforming validation whose failures name each field path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new AppException(
        HttpStatus.BAD_REQUEST,
        'validation_failed',
        `The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}`,
        fields,
      );
    },
  });
}
