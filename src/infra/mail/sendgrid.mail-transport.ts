import { randomUUID } from 'node:crypto';
import { asDeliveryError, type DeliveryError, deliveryErrorForStatus, TemporaryDeliveryError } from '../../common/delivery/delivery-errors';
import type { MailMessage, MailTransport, SentMail } from './mail.port';
import type { SenderDefaults } from './nodemailer-options';
import { toSendGridMail } from './sendgrid-mail-body';

export interface SendGridSettings extends SenderDefaults {
  apiKey: string;
  /** `https://api.sendgrid.com`, or a local fake in tests. */
  apiUrl: string;
  /** How long one API call may take; default 10 s. */
  timeoutMs?: number;
}

/** The `errors[].message` (and field) of a SendGrid error body, or its text. */
function errorDetail(status: number, text: string): string {
  try {
    const { errors } = JSON.parse(text) as { errors?: { message?: string; field?: string | null }[] };
    const messages = (errors ?? []).map((e) => (e.field && e.field !== 'null' ? `${e.field}: ${e.message}` : e.message)).filter(Boolean);
    if (messages.length) return messages.join('; ');
  } catch {
    // not JSON: the text says it
  }
  return text.trim() || `HTTP ${status}`;
}

/**
 * Sends through SendGrid's v3 Mail Send API with Node's fetch. 202 with an
 * `X-Message-Id` is success; 429 and 5xx are temporary, other 4xx permanent
 * (deliveryErrorForStatus); no answer (refused, reset, timed out) is temporary.
 */
export class SendGridMailTransport implements MailTransport {
  readonly provider = 'sendgrid';
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(private readonly settings: SendGridSettings) {
    this.base = settings.apiUrl.replace(/\/+$/, '');
    this.timeoutMs = settings.timeoutMs ?? 10_000;
  }

  async send(message: MailMessage): Promise<SentMail> {
    const res = await this.call('POST', '/v3/mail/send', toSendGridMail(this.settings, message));
    const text = await res.text();
    if (!res.ok) throw deliveryErrorForStatus(res.status, `SendGrid: ${errorDetail(res.status, text)}`);
    // SendGrid always sends the id; should it not, the mail was still accepted and must not be sent twice.
    return { messageId: res.headers.get('x-message-id') ?? `sendgrid-unknown-${randomUUID()}`, provider: this.provider };
  }

  /** An authenticated read that sends nothing: the key's scopes, which must include `mail.send`. */
  async probe(): Promise<{ ok: boolean; detail?: string }> {
    try {
      const res = await this.call('GET', '/v3/scopes');
      const text = await res.text();
      if (!res.ok) return { ok: false, detail: `${res.status}: ${errorDetail(res.status, text)}` };
      const { scopes } = JSON.parse(text) as { scopes?: string[] };
      return scopes?.includes('mail.send') ? { ok: true } : { ok: false, detail: 'the API key lacks the mail.send permission' };
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(`${this.base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.settings.apiKey}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw this.unreachable(err);
    }
  }

  /** fetch's failures: `TypeError: fetch failed` with the socket error as its cause, or the timeout's abort. */
  private unreachable(err: unknown): DeliveryError {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    if (cause instanceof Error && cause.name === 'TimeoutError') {
      return new TemporaryDeliveryError(`SendGrid did not answer within ${this.timeoutMs} ms`, 'ETIMEDOUT');
    }
    const failure = asDeliveryError(cause);
    return new TemporaryDeliveryError(`SendGrid unreachable: ${failure.message}`, failure.providerCode);
  }
}
