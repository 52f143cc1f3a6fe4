import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException } from '../problem/app.exception';
import type { FieldError } from '../problem/problem-details';
import { nullFieldErrors } from './null-fields';
import { cacheValidationRules } from './validation-rules-cache';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return own.concat(flatten(e.children ?? [], field));
  });
}

function invalid(fields: FieldError[]): AppException {
  return new AppException(
    HttpStatus.BAD_REQUEST,
    'validation_failed',
    `The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}`,
    fields,
  );
}

const isDto = (metatype: ArgumentMetadata['metatype']) =>
  !!metatype && ![String, Boolean, Number, Array, Object].includes(metatype as never);

/**
 * Whitelisting, transforming validation whose failures name each field path.
 * Before class-validator runs: a DTO body must be a JSON object, and `null`
 * is accepted only for fields documented as nullable.
 */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && isDto(metadata.metatype)) {
      if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
        throw invalid([{ field: '', message: 'The request body must be a JSON object' }]);
      }
      const nulls = nullFieldErrors(metadata.metatype as never, value);
      if (nulls.length) throw invalid(nulls);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationRules();
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}
