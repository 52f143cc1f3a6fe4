import { GatewayError } from '../payment-gateway.port';
import { tranzilaAuthHeaders, type TranzilaCredentials } from './tranzila-auth';
import type { TranzilaApiAnswer } from './tranzila-wire.types';

/**
 * Tranzila's REST calls: a signed JSON POST, its answer parsed, failures mapped to
 * GatewayError. Unreachable, timed out, 429 and 5xx are temporary; any other answer the
 * gateway gives (401 for bad keys, 400 with `error_code`, `error_code != 0` with HTTP 200)
 * is its final word. Messages carry the gateway's code and message, never the credentials.
 */
export class TranzilaRestClient {
  constructor(private readonly timeoutMs: number) {}

  async post<T extends TranzilaApiAnswer>(url: string, body: unknown, creds: TranzilaCredentials, what: string): Promise<T> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...tranzilaAuthHeaders(creds.appKey, creds.secret),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw this.unreachable(err, what);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw this.unreachable(err, what);
    }
    const answer = parseObject(text);
    const code = answer ? errorCode(answer) : null;
    const said = answer ? scrub(gatewayMessage(answer), creds) : '';
    if (res.status === 429 || res.status >= 500)
      throw new GatewayError(
        `Tranzila answered ${res.status} to the ${what}${said ? `: ${said}` : ''}`,
        true,
        code ?? `http_${res.status}`,
      );
    if (res.status === 401 || res.status === 403)
      throw new GatewayError(
        `Tranzila refused the credentials (${res.status}) for the ${what}${said ? `: ${said}` : ''}`,
        false,
        code ?? `http_${res.status}`,
      );
    if (!res.ok)
      throw new GatewayError(`Tranzila refused the ${what} (${res.status})${said ? `: ${said}` : ''}`, false, code ?? `http_${res.status}`);
    if (!answer) throw new GatewayError(`Tranzila gave an unreadable answer to the ${what}`, false, 'unreadable_answer');
    if (code !== null && code !== '0') throw new GatewayError(`Tranzila refused the ${what}: ${said || 'no message'}`, false, code);
    return answer as T;
  }

  /** fetch's failures: `TypeError: fetch failed` with the socket error as its cause, or the timeout's abort. */
  private unreachable(err: unknown, what: string): GatewayError {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError'))
      return new GatewayError(`Tranzila did not answer the ${what} within ${this.timeoutMs} ms`, true, 'timeout');
    const code = (cause as { code?: unknown } | null)?.code;
    return new GatewayError(
      `Tranzila could not be reached for the ${what}: ${typeof code === 'string' ? code : (cause as Error)?.message || 'network error'}`,
      true,
      typeof code === 'string' ? code : 'network',
    );
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `error_code` as text ("0" on success), or null when the answer has none. */
function errorCode(answer: TranzilaApiAnswer): string | null {
  const code = answer.error_code;
  return typeof code === 'number' || (typeof code === 'string' && code.trim() !== '') ? String(code).trim() : null;
}

function gatewayMessage(answer: TranzilaApiAnswer): string {
  const message = answer.message ?? answer.error_message;
  return typeof message === 'string' ? message.slice(0, 300) : '';
}

/** Should the gateway ever quote a key back, it does not reach our messages. */
function scrub(message: string, creds: TranzilaCredentials): string {
  let out = message;
  for (const value of [creds.secret, creds.appKey]) if (value) out = out.split(value).join('***');
  return out;
}
