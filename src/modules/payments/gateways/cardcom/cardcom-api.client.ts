import { GatewayError } from '../payment-gateway.port';
import type { CardcomAnswer } from './cardcom-api.types';

/** How long one call to Cardcom may take before it counts as a temporary failure. */
export const CARDCOM_TIMEOUT_MS = 15_000;

/**
 * Cardcom's API v11 at the wire: every call a JSON POST with the credentials in
 * the body. Network failures, timeouts, 429 and 5xx are temporary; a 400/401
 * (`ErrorInfo`) is Cardcom's refusal. A 200 comes back as it is: what its
 * `ResponseCode` means depends on the call. No message ever carries a credential:
 * `secrets` are blanked out of anything Cardcom says before it goes into one.
 */
export class CardcomApi {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = CARDCOM_TIMEOUT_MS,
  ) {}

  async post<T extends CardcomAnswer>(path: string, body: object, secrets: string[]): Promise<T> {
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      throw unreachable(err, this.timeoutMs);
    }
    if (status === 429 || status >= 500) throw new GatewayError(`Cardcom answered HTTP ${status}`, true, `http_${status}`);
    const answer = parseAnswer(text);
    if (status < 200 || status > 299) {
      const code = answer ? String(answer.ResponseCode) : `http_${status}`;
      throw new GatewayError(`Cardcom refused (HTTP ${status})${answer ? `: ${describe(answer, secrets)}` : ''}`, false, code);
    }
    // A 200 that is not Cardcom's JSON (a proxy's or maintenance page) is taken as passing.
    if (!answer) throw new GatewayError('Cardcom answered with something other than its JSON', true, 'bad_answer');
    return answer as T;
  }
}

/** Cardcom's refusal in a 200 (`ResponseCode` ≠ 0): final, with its code and words. */
export function refusal(what: string, answer: CardcomAnswer, secrets: string[]): GatewayError {
  return new GatewayError(`${what}: ${describe(answer, secrets)}`, false, String(answer.ResponseCode));
}

/** "Cardcom 603: <its description>", credentials blanked, at most 250 characters of description. */
export function describe(answer: CardcomAnswer, secrets: string[]): string {
  let text = typeof answer.Description === 'string' ? answer.Description.trim().slice(0, 250) : '';
  for (const secret of secrets) if (secret.length >= 3) text = text.split(secret).join('***');
  return `Cardcom ${answer.ResponseCode}${text ? `: ${text}` : ''}`;
}

function parseAnswer(text: string): CardcomAnswer | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const code = (value as { ResponseCode?: unknown }).ResponseCode;
    return Number.isInteger(code) ? (value as CardcomAnswer) : null;
  } catch {
    return null;
  }
}

function unreachable(err: unknown, timeoutMs: number): GatewayError {
  const e = err as { name?: string; cause?: { code?: unknown } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return new GatewayError(`Cardcom did not answer within ${timeoutMs / 1000} s`, true, 'timeout');
  const code = typeof e.cause?.code === 'string' ? e.cause.code : 'network';
  return new GatewayError(`Cardcom could not be reached (${code})`, true, code);
}
