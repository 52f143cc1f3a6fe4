import type { Operation } from './openapi-operations';
import { operationVariants } from './operation-variants';
import { problemsWith } from './problem-check';
import type { RawHttp } from './raw-http';
import type { Records } from './robustness-records';

export interface Failure {
  variant: string;
  status: number | 'no answer';
  problems: string[];
  /** The start of the answer body. */
  excerpt: string;
  requestId: string;
}

export interface OperationResult {
  operation: string;
  sent: number;
  failures: Failure[];
  /** Every variant sent and the status it got. */
  answers: { variant: string; status: Failure['status'] }[];
  /** The valid request's answer when it was not a 2xx: hostile variants may then stop at the same check. */
  baselineRefused?: string;
}

let sequence = 0;

/**
 * A distinct client address per request (198.18.0.0/15, the benchmarking
 * range), so per-address limits (public forms, login) never answer 429 in
 * place of the answer under test. IPv4: the throttler groups IPv6 by subnet.
 */
const nextAddress = () => {
  const n = ++sequence;
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
};

export const operationName = (op: Operation) => `${op.method} ${op.path}`;

/** Sends every variant of `op`, one after the other, as `r`'s owner (or anonymously), and judges each answer. */
export async function runOperation(op: Operation, r: Records, http: RawHttp, runId: string): Promise<OperationResult> {
  const variants = await operationVariants(op, r);
  const failures: Failure[] = [];
  const answers: OperationResult['answers'] = [];
  let baselineRefused: string | undefined;
  for (const v of variants) {
    const requestId = `rb-${runId}-${++sequence}`;
    const headers: Record<string, string> = {
      'x-request-id': requestId,
      'x-forwarded-for': nextAddress(),
      ...(v.anonymous ? {} : r.owner.auth),
      ...(v.contentType ? { 'content-type': v.contentType } : {}),
      ...v.headers,
    };
    const failure = (status: Failure['status'], problems: string[], excerpt: string) =>
      failures.push({ variant: v.label, status, problems, excerpt: excerpt.slice(0, 300), requestId });
    try {
      const res = await http.send({ method: op.method, target: v.target, headers, body: v.body });
      answers.push({ variant: v.label, status: res.status });
      if (v.label.startsWith('baseline') && (res.status < 200 || res.status > 299))
        baselineRefused = `${res.status} ${res.text.slice(0, 300)}`;
      const problems = problemsWith(v.expect, res);
      if (problems.length) failure(res.status, problems, res.text);
    } catch (err) {
      answers.push({ variant: v.label, status: 'no answer' });
      failure('no answer', [`no answer: ${(err as Error).message}`], '');
    }
  }
  return { operation: operationName(op), sent: variants.length, failures, answers, baselineRefused };
}

/** Runs `fn` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Reads first, then writes, then deletes: a DELETE never takes a record away from a later variant. */
export function phaseOf(op: Operation): number {
  if (op.method === 'GET' || op.method === 'HEAD') return 0;
  return op.method === 'DELETE' ? 2 : 1;
}
