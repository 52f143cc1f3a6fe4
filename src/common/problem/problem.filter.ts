import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app.exception';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { problem } from './problem.factory';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** PostgreSQL error classes a client can cause, and how we answer them. */
const PG_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  '23505': { status: 409, code: 'conflict.duplicate', detail: 'A record with the same unique value already exists' },
  '23503': { status: 409, code: 'conflict.reference', detail: 'The record is referenced by, or refers to, another record' },
  '23P01': { status: 409, code: 'conflict.overlap', detail: 'The record overlaps an existing one' },
  '22P02': { status: 400, code: 'invalid_input', detail: 'A value has the wrong format' },
  '22007': { status: 400, code: 'invalid_input', detail: 'A date or time has the wrong format' },
  '22008': { status: 400, code: 'invalid_input', detail: 'A date or time is out of range' },
  '22003': { status: 400, code: 'invalid_input', detail: 'A number is out of range' },
  '22001': { status: 400, code: 'invalid_input', detail: 'A value is too long' },
};

/** Express body-parser failures arrive with `type` and `status`. */
const BODY_ERRORS: Record<string, { status: number; detail: string }> = {
  'entity.parse.failed': { status: 400, detail: 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, detail: 'The request body is larger than the limit' },
  'encoding.unsupported': { status: 415, detail: 'The request body encoding is not supported' },
  'charset.unsupported': { status: 415, detail: 'The request body charset is not supported' },
};

/**
 * The one place errors become answers: every failure leaves as
 * application/problem+json with the request id; a 500 hides its internals.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const body = this.toProblem(exception, req, res);
    if (body.status >= 500) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`${req.method} ${req.originalUrl} failed: ${err.message}`, err.stack);
    }
    if (res.headersSent) return;
    res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, req: Request, res: Response): ProblemDetails {
    const base = { instance: req.originalUrl ?? req.url, requestId: req.id ?? '' };
    if (exception instanceof AppException) {
      for (const [name, value] of Object.entries(exception.headers ?? {})) res.setHeader(name, value);
      return problem(exception.status, { ...base, code: exception.code, detail: exception.message, errors: exception.errors });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return problem(status, { ...base, detail: this.httpDetail(exception) });
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as PgError;
      const mapped = pg.code ? PG_ERRORS[pg.code] : undefined;
      if (mapped) {
        return problem(mapped.status, {
          ...base,
          code: pg.constraint ? `${mapped.code}.${pg.constraint}` : mapped.code,
          detail: mapped.detail,
        });
      }
    }
    const bodyError = exception as { type?: string; status?: number };
    if (bodyError && typeof bodyError.type === 'string' && BODY_ERRORS[bodyError.type]) {
      const mapped = BODY_ERRORS[bodyError.type];
      return problem(mapped.status, { ...base, detail: mapped.detail });
    }
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, {
      ...base,
      detail: `An unexpected error occurred. Quote request id ${base.requestId} when reporting it.`,
    });
  }

  private httpDetail(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }
}
