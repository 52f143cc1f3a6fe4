import { QueryFailedError } from 'typeorm';

/** SQLSTATE codes the code base reacts to by name. */
export const PgCode = {
  notNullViolation: '23502',
  foreignKeyViolation: '23503',
  uniqueViolation: '23505',
  checkViolation: '23514',
  exclusionViolation: '23P01',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** The SQLSTATE of a PostgreSQL error, raw (`pg`) or wrapped by TypeORM. */
export function pgCode(err: unknown): string | undefined {
  const source = err instanceof QueryFailedError ? err.driverError : err;
  const code = (source as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The constraint a PostgreSQL integrity error names, if any. */
export function pgConstraint(err: unknown): string | undefined {
  const source = err instanceof QueryFailedError ? err.driverError : err;
  const constraint = (source as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

export const isUniqueViolation = (err: unknown) => pgCode(err) === PgCode.uniqueViolation;
export const isForeignKeyViolation = (err: unknown) => pgCode(err) === PgCode.foreignKeyViolation;
export const isExclusionViolation = (err: unknown) => pgCode(err) === PgCode.exclusionViolation;
/** A lock cycle or serialization conflict: the whole transaction may be run again. */
export const isRetryable = (err: unknown) => pgCode(err) === PgCode.serializationFailure || pgCode(err) === PgCode.deadlockDetected;
/** The data was refused (integrity class 23 or data exception class 22), not the database. */
export const isDataError = (err: unknown) => /^2[23]/.test(pgCode(err) ?? '');

export interface PgProblem {
  status: number;
  code: string;
  detail: string;
}

const BY_CODE: Record<string, PgProblem> = {
  [PgCode.uniqueViolation]: { status: 409, code: 'conflict.duplicate', detail: 'A record with the same unique value already exists' },
  [PgCode.foreignKeyViolation]: {
    status: 409,
    code: 'conflict.reference',
    detail: 'The record is referenced by, or refers to, another record',
  },
  [PgCode.exclusionViolation]: { status: 409, code: 'conflict.overlap', detail: 'The record overlaps an existing one' },
  [PgCode.notNullViolation]: { status: 400, code: 'invalid_input.missing', detail: 'A required value is missing' },
  [PgCode.checkViolation]: { status: 400, code: 'invalid_input.rule', detail: 'A value breaks a rule of the record' },
  [PgCode.serializationFailure]: {
    status: 409,
    code: 'conflict.concurrent',
    detail: 'Another request changed the same records at the same moment; try again',
  },
  [PgCode.deadlockDetected]: {
    status: 409,
    code: 'conflict.concurrent',
    detail: 'Another request changed the same records at the same moment; try again',
  },
  '22001': { status: 400, code: 'invalid_input', detail: 'A value is too long' },
  '22003': { status: 400, code: 'invalid_input', detail: 'A number is out of range' },
  '22007': { status: 400, code: 'invalid_input', detail: 'A date or time has the wrong format' },
  '22008': { status: 400, code: 'invalid_input', detail: 'A date or time is out of range' },
  '22021': { status: 400, code: 'invalid_input', detail: 'A text value is not valid UTF-8' },
  '22P02': { status: 400, code: 'invalid_input', detail: 'A value has the wrong format' },
  '22P05': { status: 400, code: 'invalid_input', detail: 'A text value has a character that cannot be stored' },
  '54000': { status: 400, code: 'invalid_input', detail: 'A value is too large to store' },
};

/**
 * How a PostgreSQL error caused by the request's data is answered: every
 * integrity violation (class 23) and data exception (class 22) is a 4xx,
 * never a 500. Undefined for server-side failures.
 */
export function pgProblem(err: unknown): PgProblem | undefined {
  const code = pgCode(err);
  if (!code) return undefined;
  const known = BY_CODE[code];
  if (known) {
    const constraint = pgConstraint(err);
    return constraint ? { ...known, code: `${known.code}.${constraint}` } : known;
  }
  if (code.startsWith('23')) return { status: 409, code: 'conflict', detail: 'The change conflicts with stored records' };
  if (code.startsWith('22')) return { status: 400, code: 'invalid_input', detail: 'A value cannot be stored as given' };
  return undefined;
}
