import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type HttpFake, type RecordedRequest, sendJson, startHttpFake } from './http-fake';

/** What SendGrid's v3 API answers with each failure status (its documented `errors` array). */
const FAILURES: Record<number, { field: string | null; message: string }> = {
  400: { field: 'from', message: 'The from address does not match a verified Sender Identity.' },
  401: { field: null, message: 'The provided authorization grant is invalid, expired, or revoked' },
  413: { field: null, message: 'content too large' },
  429: { field: null, message: 'too many requests' },
  500: { field: null, message: 'internal server error' },
  503: { field: null, message: 'service unavailable' },
};

const fail = (res: ServerResponse, status: number, error = FAILURES[status]) =>
  sendJson(res, status, { errors: [{ ...(error ?? { field: null, message: 'error' }), help: null }] });

export interface SendGridFake extends HttpFake {
  /** The accepted sends (`POST /v3/mail/send` answered 202), their JSON bodies parsed. */
  sent: { request: RecordedRequest; body: Record<string, unknown>; messageId: string }[];
  /** Answer the next n sends with this status (429, 500, 400, ...) and SendGrid's error body. */
  failNext(n: number, status: number): void;
  /** Leave the next n requests unanswered (a provider that hangs). */
  stallNext(n: number): void;
}

/**
 * SendGrid's v3 API as it answers at the wire: Bearer authentication (401
 * otherwise), `POST /v3/mail/send` checked for the fields SendGrid requires
 * (400 naming the field) and accepted with 202, an empty body and an
 * `X-Message-Id`; `GET /v3/scopes` lists the key's permissions.
 */
export async function startSendGridFake(options: { apiKey: string; scopes?: string[] }): Promise<SendGridFake> {
  const sent: SendGridFake['sent'] = [];
  let failures: number[] = [];
  let stalls = 0;
  const fake = await startHttpFake((req, res) => {
    if (stalls > 0) {
      stalls--;
      return;
    }
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) return fail(res, 401);
    if (req.method === 'GET' && req.path === '/v3/scopes') return sendJson(res, 200, { scopes: options.scopes ?? ['mail.send'] });
    if (req.method !== 'POST' || req.path !== '/v3/mail/send') return fail(res, 404, { field: null, message: 'resource not found' });
    const status = failures.shift();
    if (status) return fail(res, status);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      return fail(res, 400, { field: null, message: 'Bad Request' });
    }
    const problem = missingField(body);
    if (problem) return fail(res, 400, problem);
    const messageId = randomBytes(16).toString('base64url');
    sent.push({ request: req, body, messageId });
    res.writeHead(202, { 'X-Message-Id': messageId, 'Content-Length': 0 });
    res.end();
  });
  return {
    ...fake,
    sent,
    failNext: (n, status) => {
      failures = Array.from({ length: n }, () => status);
    },
    stallNext: (n) => {
      stalls = n;
    },
  };
}

/** The first rule of SendGrid's mail body the request breaks, as SendGrid words it. */
function missingField(body: Record<string, unknown>): { field: string; message: string } | undefined {
  const personalizations = body.personalizations as { to?: { email?: string }[] }[] | undefined;
  if (!Array.isArray(personalizations) || personalizations.length === 0)
    return { field: 'personalizations', message: 'The personalizations field is required and must have at least one personalization.' };
  if (!personalizations.every((p) => Array.isArray(p.to) && p.to.length > 0 && p.to.every((t) => typeof t.email === 'string')))
    return {
      field: 'personalizations.0.to',
      message:
        'The to array is required for all personalization objects, and must have at least one email object with a valid email address.',
    };
  if (typeof (body.from as { email?: unknown } | undefined)?.email !== 'string')
    return {
      field: 'from.email',
      message:
        'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.',
    };
  if (typeof body.subject !== 'string' || body.subject === '') return { field: 'subject', message: 'The subject is required.' };
  const content = body.content as { type?: string; value?: string }[] | undefined;
  if (!Array.isArray(content) || content.length === 0 || content.some((c) => !c.type || !c.value))
    return { field: 'content', message: 'The content value must be a string at least one character in length.' };
  if (content.length > 1 && content[0].type !== 'text/plain')
    return { field: 'content.0.type', message: 'If present, text/plain content must be first, followed by any other content.' };
  const attachments = body.attachments as { content?: string; filename?: string }[] | undefined;
  if (attachments?.some((a) => !a.content || !a.filename || !/^[A-Za-z0-9+/]+=*$/.test(a.content)))
    return { field: 'attachments.0.content', message: 'The attachment content must be base64 encoded.' };
  return undefined;
}
