import { HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FieldError, ProblemDetails } from './problem-details';

const TYPE_BASE = 'https://chatgrow.dev/problems/';

export function problem(
  status: number,
  init: { instance: string; requestId: string; detail?: string; code?: string; errors?: FieldError[]; title?: string },
): ProblemDetails {
  const title = init.title ?? STATUS_CODES[status] ?? 'Error';
  const slug = (init.code ?? title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');
  return {
    type: status === HttpStatus.INTERNAL_SERVER_ERROR ? 'about:blank' : TYPE_BASE + slug,
    title,
    status,
    detail: init.detail,
    instance: init.instance,
    requestId: init.requestId,
    ...(init.code ? { code: init.code } : {}),
    ...(init.errors ? { errors: init.errors } : {}),
  };
}
