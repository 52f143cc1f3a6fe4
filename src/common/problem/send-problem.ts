import type { Request, Response } from 'express';
import type { FieldError } from './problem-details';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { problem } from './problem.factory';

/**
 * Answers with problem+json from Express middleware, which runs before Nest
 * routes the request and so before the global filter can see an error.
 */
export function sendProblem(
  req: Request,
  res: Response,
  status: number,
  init: { detail: string; code?: string; errors?: FieldError[] },
): void {
  res
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem(status, { ...init, instance: req.originalUrl ?? req.url, requestId: req.id ?? '' })));
}
