import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pgProblem } from '../database/pg-errors';
import { bodyErrorProblem } from './body-errors';
import { AppException } from './app.exception';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { problem } from './problem.factory';

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
    const mapped = pgProblem(exception) ?? bodyErrorProblem(exception, 'the limit');
    if (mapped) return problem(mapped.status, { ...base, code: mapped.code, detail: mapped.detail });
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
