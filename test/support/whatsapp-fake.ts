import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type HttpFake, type RecordedRequest, sendJson, startHttpFake } from './http-fake';

/** Meta's error body: `{ error: { message, type, code, error_subcode?, fbtrace_id } }`. */
function graphError(res: ServerResponse, status: number, code: number, message: string, type = 'OAuthException', subcode?: number): void {
  sendJson(res, status, {
    error: { message, type, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: `A${randomBytes(8).toString('hex')}` },
  });
}

export interface FakeTemplate {
  name: string;
  language: string;
  status: 'APPROVED' | 'PENDING' | 'REJECTED';
  category: string;
  body: string;
}

export interface WhatsAppFake extends HttpFake {
  /** The messages accepted, their JSON bodies parsed, with the wamid given. */
  sent: { request: RecordedRequest; body: Record<string, unknown>; wamid: string }[];
  /** Numbers (digits, as Meta takes them) whose 24-hour window the fake considers open: free text to others answers 131047. */
  openWindows: Set<string>;
  templates: FakeTemplate[];
  /** Problems with requests that broke the documented shapes (the tests assert it stays empty). */
  violations: string[];
  /** Answer the next n message sends with this HTTP status and Meta's error code (503 / 2, 429 / 130429, …). */
  failNext(n: number, status: number, code: number): void;
}

const TEMPLATE_PAGE = 2;

/**
 * Meta's Graph API for WhatsApp Cloud, as it answers at the wire, for one
 * business number: `Authorization: Bearer <token>` on every call (190 Invalid
 * OAuth access token otherwise); `POST /{version}/{phone-number-id}/messages`
 * checked against the documented shapes (messaging_product whatsapp,
 * recipient_type individual, to in digits, type template with name,
 * language.code and body parameters of type text, or type text with
 * text.body) and answered with contacts and messages[0].id (wamid…), or 131047
 * for free text to a number whose 24-hour window is closed;
 * `GET /{version}/{waba-id}/message_templates` in pages of two with `after`
 * cursors; `GET /{version}/{phone-number-id}` answering the number.
 */
export async function startWhatsAppFake(options: {
  version: string;
  phoneNumberId: string;
  businessAccountId: string;
  accessToken: string;
  templates?: FakeTemplate[];
}): Promise<WhatsAppFake> {
  const { version, phoneNumberId, businessAccountId, accessToken } = options;
  const sent: WhatsAppFake['sent'] = [];
  const violations: string[] = [];
  const openWindows = new Set<string>();
  const templates = options.templates ?? [];
  let failures: [number, number][] = [];
  const fake = await startHttpFake((req, res) => {
    if (req.headers.authorization !== `Bearer ${accessToken}`)
      return graphError(res, 401, 190, 'Invalid OAuth access token - Cannot parse access token');
    const url = new URL(req.path, 'http://graph.local');
    if (req.method === 'GET' && url.pathname === `/${version}/${phoneNumberId}`) {
      return sendJson(res, 200, {
        id: phoneNumberId,
        display_phone_number: '+972 52-555-0101',
        verified_name: 'סטודיו דנה',
        quality_rating: 'GREEN',
      });
    }
    if (req.method === 'GET' && url.pathname === `/${version}/${businessAccountId}/message_templates`) {
      const start = Number(url.searchParams.get('after') ? Buffer.from(url.searchParams.get('after')!, 'base64').toString() : '0');
      const page = templates.slice(start, start + TEMPLATE_PAGE);
      const next = start + TEMPLATE_PAGE < templates.length;
      const cursor = (n: number) => Buffer.from(String(n)).toString('base64');
      return sendJson(res, 200, {
        data: page.map((t, i) => ({
          name: t.name,
          language: t.language,
          status: t.status,
          category: t.category,
          id: String(900 + start + i),
          components: [{ type: 'BODY', text: t.body }],
        })),
        paging: {
          cursors: { before: cursor(start), after: cursor(start + page.length) },
          ...(next ? { next: `${fake.url}${url.pathname}?after=${cursor(start + page.length)}` } : {}),
        },
      });
    }
    if (req.method !== 'POST' || url.pathname !== `/${version}/${phoneNumberId}/messages`)
      return graphError(
        res,
        400,
        100,
        `Unsupported ${req.method} request. Object with ID '${url.pathname}' does not exist`,
        'GraphMethodException',
        33,
      );
    const failure = failures.shift();
    if (failure)
      return graphError(res, failure[0], failure[1], failure[1] === 130429 ? 'Rate limit hit' : 'Service temporarily unavailable');
    if (!String(req.headers['content-type']).startsWith('application/json')) violations.push('messages: not JSON');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      return graphError(res, 400, 100, 'Invalid JSON', 'OAuthException');
    }
    const problem = shapeProblem(body);
    if (problem) {
      violations.push(problem);
      return graphError(res, 400, 100, `(#100) ${problem}`);
    }
    const to = String(body.to);
    if (body.type === 'text' && !openWindows.has(to))
      return graphError(
        res,
        400,
        131047,
        'Re-engagement message: More than 24 hours have passed since the recipient last replied to the sender number.',
        'OAuthException',
      );
    if (body.type === 'template') {
      const t = body.template as { name: string; language: { code: string } };
      if (!templates.some((x) => x.name === t.name && x.language === t.language.code && x.status === 'APPROVED'))
        return graphError(res, 404, 132001, `(#132001) Template name does not exist in the translation`);
    }
    const wamid = `wamid.${randomBytes(18).toString('base64url')}`;
    sent.push({ request: req, body, wamid });
    sendJson(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: wamid }] });
  });
  return {
    ...fake,
    sent,
    openWindows,
    templates,
    violations,
    failNext: (n, status, code) => {
      failures = Array.from({ length: n }, () => [status, code] as [number, number]);
    },
  };
}

/** What breaks the documented request shape of POST /{phone-number-id}/messages; null when it fits. */
function shapeProblem(b: Record<string, unknown>): string | null {
  if (b.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
  if (b.recipient_type !== undefined && b.recipient_type !== 'individual') return 'recipient_type must be individual';
  if (typeof b.to !== 'string' || !/^\d{8,15}$/.test(b.to)) return 'to must be the number in international digits';
  if (b.type === 'text') {
    const text = b.text as { body?: unknown } | undefined;
    if (!text || typeof text.body !== 'string' || !text.body) return 'text.body is required';
    return null;
  }
  if (b.type === 'template') {
    const t = b.template as { name?: unknown; language?: { code?: unknown }; components?: unknown } | undefined;
    if (!t || typeof t.name !== 'string') return 'template.name is required';
    if (!t.language || typeof t.language.code !== 'string') return 'template.language.code is required';
    if (t.components !== undefined) {
      if (!Array.isArray(t.components)) return 'template.components must be an array';
      for (const c of t.components as { type?: unknown; parameters?: unknown }[]) {
        if (c.type !== 'body' && c.type !== 'header' && c.type !== 'button') return 'component type must be body, header or button';
        if (!Array.isArray(c.parameters)) return 'component parameters must be an array';
        for (const p of c.parameters as { type?: unknown; text?: unknown }[])
          if (p.type !== 'text' || typeof p.text !== 'string' || !p.text) return 'body parameters must be {type: text, text}';
      }
    }
    return null;
  }
  return `type ${String(b.type)} is not supported here`;
}
