import { API_TITLE } from '../src/app.factory';

/** What answers at a base URL: nothing, the ChatGrow API, or another server. */
export type RunningApi = { kind: 'none'; reason: string } | { kind: 'chatgrow' } | { kind: 'other'; what: string };

const LIVE_TIMEOUT_MS = 1_000;
const DOCS_TIMEOUT_MS = 5_000;

/**
 * Probes `GET <baseUrl>/health/live` (1 s). A server that answers is ChatGrow
 * only when liveness is `{ status: 'ok' }` and its OpenAPI document
 * (`/docs-json`) is titled `API_TITLE`: another Nest app with Terminus answers
 * the same liveness JSON.
 */
export async function probeRunningApi(baseUrl: string): Promise<RunningApi> {
  let live: Response;
  try {
    live = await fetch(`${baseUrl}/health/live`, { signal: AbortSignal.timeout(LIVE_TIMEOUT_MS) });
  } catch (err) {
    return { kind: 'none', reason: reasonOf(err as Error) };
  }
  const health = (await live.json().catch(() => undefined)) as { status?: unknown } | undefined;
  if (live.status !== 200 || health?.status !== 'ok') return { kind: 'other', what: `GET /health/live answered ${live.status}` };
  const title = await fetch(`${baseUrl}/docs-json`, { signal: AbortSignal.timeout(DOCS_TIMEOUT_MS) })
    .then((res) => res.json() as Promise<{ info?: { title?: unknown } }>)
    .then((doc) => doc?.info?.title)
    .catch(() => undefined);
  if (title !== API_TITLE) {
    const found = typeof title === 'string' ? `the API "${title}"` : 'no OpenAPI document';
    return { kind: 'other', what: `GET /docs-json has ${found}, not "${API_TITLE}"` };
  }
  return { kind: 'chatgrow' };
}

function reasonOf(err: Error): string {
  if (err.name === 'TimeoutError') return `no answer within ${LIVE_TIMEOUT_MS} ms`;
  const code = (err.cause as { code?: string } | undefined)?.code;
  return code ?? err.message;
}
