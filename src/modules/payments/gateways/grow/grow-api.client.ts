import { GatewayError } from '../payment-gateway.port';
import { GROW_API_PATH, type GrowAnswer, type GrowOperation } from './grow-api.types';

/** How long one call may take before it counts as a temporary failure. */
export const GROW_TIMEOUT_MS = 15_000;

/**
 * Posts one Light API call and returns its `data`, or throws GatewayError: no answer
 * (refused, reset, timed out), 5xx, 429 or an unreadable answer are temporary; Grow's
 * refusal (`status: 0` with `err: { id, message }`) and other 4xx are final, with Grow's code.
 *
 * The body is multipart/form-data, as Grow's reference shows for every call (several
 * integrations send urlencoded successfully; the docs' form is the one chosen here).
 * Messages never carry the credentials: any credential value Grow echoes is masked.
 */
export class GrowApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = GROW_TIMEOUT_MS,
  ) {}

  async call<T>(operation: GrowOperation, fields: Record<string, string>, secrets: string[]): Promise<T> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${GROW_API_PATH}/${operation}`, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const code = unreachableCode(err);
      throw new GatewayError(`Grow ${operation}: unreachable (${code})`, true, code);
    }
    const text = await res.text().catch(() => '');
    if (res.status === 429 || res.status >= 500)
      throw new GatewayError(`Grow ${operation}: HTTP ${res.status}`, true, `http_${res.status}`);
    let answer: GrowAnswer<T>;
    try {
      answer = JSON.parse(text) as GrowAnswer<T>;
    } catch {
      answer = {};
    }
    if (!answer || typeof answer !== 'object' || answer.status === undefined) {
      // An answer that is not Grow's envelope: a proxy's page or a broken answer (retry), or a 4xx.
      const temporary = res.status < 400;
      throw new GatewayError(`Grow ${operation}: unexpected answer (HTTP ${res.status})`, temporary, `http_${res.status}`);
    }
    if (String(answer.status).trim() !== '1') {
      const { code, message } = growRefusal(answer.err);
      throw new GatewayError(mask(`Grow ${operation}${code ? ` ${code}` : ''}: ${message}`, secrets), false, code);
    }
    return (answer.data && typeof answer.data === 'object' ? answer.data : {}) as T;
  }
}

/** Grow's error id and message, whichever form `err` took. */
function growRefusal(err: GrowAnswer<unknown>['err']): { code: string | null; message: string } {
  if (err && typeof err === 'object') {
    const id = err.id === undefined || err.id === null ? null : String(err.id).trim() || null;
    return { code: id, message: String(err.message ?? 'refused').slice(0, 300) };
  }
  return { code: null, message: typeof err === 'string' && err.trim() ? err.trim().slice(0, 300) : 'refused' };
}

/** The system's code for a request that got no answer: ECONNREFUSED, ECONNRESET, timeout, … */
function unreachableCode(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string } } | null;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  return e?.cause?.code ?? e?.code ?? 'network_error';
}

/** The text with every credential value (of 4 characters or more) replaced. */
function mask(text: string, secrets: string[]): string {
  return secrets.filter((s) => s && s.length >= 4).reduce((t, s) => t.split(s).join('***'), text);
}
