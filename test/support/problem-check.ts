import type { RawResponse } from './raw-http';
import type { Expectation } from './variant';

/**
 * What is wrong with an answer, or `[]`: never a 5xx; a 4xx where the
 * expectation asks for one (415 for an undocumented media type); every 4xx an
 * RFC 9457 problem whose `status` is the HTTP status, with a `title`, and
 * validation problems with `errors[].field` strings.
 */
export function problemsWith(expect: Expectation, res: RawResponse): string[] {
  const out: string[] = [];
  if (res.status >= 500) out.push(`server error ${res.status}`);
  else if (expect === '415' && res.status !== 415) out.push(`expected 415 for an undocumented media type, got ${res.status}`);
  else if (expect === '4xx' && res.status < 400) out.push(`accepted input the document rules out: expected 4xx, got ${res.status}`);
  if (res.status < 400 || res.status >= 500) return out;

  const type = String(res.headers['content-type'] ?? '');
  if (!/^application\/problem\+json\b/.test(type)) out.push(`4xx with content-type "${type}", not application/problem+json`);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.text);
  } catch {
    return [...out, '4xx body is not JSON'];
  }
  if (body === null || typeof body !== 'object') return [...out, '4xx body is not a JSON object'];
  if (body.status !== res.status) out.push(`problem status ${JSON.stringify(body.status)} is not the HTTP status ${res.status}`);
  if (typeof body.title !== 'string') out.push('problem has no string title');
  if (res.status === 400 && (body.code === 'validation_failed' || 'errors' in body)) {
    const errors = body.errors;
    if (!Array.isArray(errors) || errors.length === 0) out.push('validation problem without errors[]');
    else if (!errors.every((e) => e && typeof e.field === 'string' && typeof e.message === 'string')) {
      out.push('validation problem with errors[] entries whose field/message are not strings');
    }
  }
  return out;
}
