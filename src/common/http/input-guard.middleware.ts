import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from '../problem/problem-details';
import { sendProblem } from '../problem/send-problem';

/** JSON nested deeper than this is refused before any field rule runs (class-transformer recurses). */
export const MAX_JSON_DEPTH = 32;

/** NUL (PostgreSQL cannot store it) and lone UTF-16 surrogates (ill-formed Unicode). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const UNSTORABLE = /[\u0000\p{Cs}]/u;
/** Keys that reach object prototypes when copied. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function textProblem(text: string): string | undefined {
  if (!UNSTORABLE.test(text)) return undefined;
  return text.includes('\u0000') ? 'must not contain a NUL character' : 'must be well-formed Unicode (it has a lone surrogate)';
}

/**
 * Walks parsed input (a JSON body or the query) and names every field a
 * database or a validator must never see. Bounded by MAX_JSON_DEPTH, so it
 * cannot itself exhaust the stack.
 */
export function inputErrors(value: unknown, path = '', depth = 0): FieldError[] {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? [{ field: path, message: `${path || 'value'} ${message}` }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  if (depth >= MAX_JSON_DEPTH) return [{ field: path, message: `${path || 'body'} nests deeper than ${MAX_JSON_DEPTH} levels` }];
  const errors: FieldError[] = [];
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const field = path ? `${path}.${key}` : key;
    const keyProblem = PROTOTYPE_KEYS.has(key) ? 'is not an allowed key' : textProblem(key);
    if (keyProblem) errors.push({ field, message: `${field} ${keyProblem}` });
    else errors.push(...inputErrors(child, field, depth + 1));
    if (errors.length >= 20) break;
  }
  return errors;
}

/** The raw URL path, if it decodes to something a route may see. */
function pathProblem(path: string): string | undefined {
  if (!path.includes('%')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'The URL path is not valid percent-encoded UTF-8';
  }
  return decoded.includes('\u0000') ? 'The URL path must not contain a NUL character' : undefined;
}

/**
 * Refuses, with 400 problem+json, input that no route should ever see: a URL
 * path that decodes to NUL or to ill-formed UTF-8, and query or body values
 * with NUL, lone surrogates, prototype keys or nesting beyond MAX_JSON_DEPTH.
 * Runs after the body parsers, before routing.
 */
export function inputGuardMiddleware(req: Request, res: Response, next: NextFunction): void {
  const badPath = pathProblem(req.path);
  if (badPath) return sendProblem(req, res, 400, { code: 'invalid_input', detail: badPath });
  const errors = [...inputErrors(req.query), ...inputErrors(req.body)];
  if (errors.length === 0) return next();
  sendProblem(req, res, 400, {
    code: 'invalid_input',
    detail: `The request has ${errors.length} field${errors.length === 1 ? '' : 's'} that cannot be accepted`,
    errors,
  });
}
