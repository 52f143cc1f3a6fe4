import { HttpStatus, type PipeTransform } from '@nestjs/common';
import { AppException } from '../../../common/problem/app.exception';

/** A path parameter that must be one of an enum's values: anything else is a 400 naming the parameter. */
export class EnumParamPipe implements PipeTransform<unknown, string> {
  constructor(
    private readonly name: string,
    private readonly values: Record<string, string>,
  ) {}

  transform(value: unknown): string {
    const allowed = Object.values(this.values);
    if (typeof value === 'string' && allowed.includes(value)) return value;
    throw new AppException(HttpStatus.BAD_REQUEST, 'validation_failed', 'The request has 1 invalid field', [
      { field: this.name, message: `${this.name} must be one of: ${allowed.join(', ')}` },
    ]);
  }
}
