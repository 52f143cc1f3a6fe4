import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { clearSession, loadSession, saveSession, type Session } from './session';

export type Schemas = components['schemas'];
export type Problem = Schemas['ProblemDetails'];

/** Paths that take no session: they are how one gets one. */
const OPEN_PATHS = new Set(['/api/auth/login', '/api/auth/refresh', '/api/auth/register']);

/**
 * Called when the session is gone (the refresh token expired or was revoked).
 * The app shows the login dialog over the current page and resolves once the
 * person has logged in again, so the request that failed is sent again and
 * nothing they typed is lost; it rejects when there is no page to keep.
 */
let sessionExpired: (() => Promise<void>) | null = null;

export function onSessionExpired(handler: (() => Promise<void>) | null): void {
  sessionExpired = handler;
}

export class SessionEndedError extends Error {
  constructor() {
    super('The session ended');
  }
}

function authorised(request: Request, session: Session | null): Request {
  const headers = new Headers(request.headers);
  if (session) {
    headers.set('Authorization', `Bearer ${session.accessToken}`);
    // The business this dashboard acts for, for people who belong to several.
    headers.set('X-Business-Id', session.businessId);
  }
  // no-store: the dashboard always shows fresh data (the API answers no-store itself and makes no ETags).
  return new Request(request, { headers, cache: 'no-store' });
}

/**
 * Every API call goes through here: the bearer token and business, then on a
 * 401 one refresh (rotating the refresh token) and one retry; when that fails
 * too, the login dialog, then the retry.
 */
async function sessionFetch(request: Request): Promise<Response> {
  if (OPEN_PATHS.has(new URL(request.url).pathname)) return fetch(request);
  // A request body can be read once: keep copies for the retries.
  const afterRefresh = request.clone();
  const afterLogin = request.clone();
  const sent = loadSession();
  const response = await fetch(authorised(request, sent));
  if (response.status !== 401 || !sent) return response;

  const renewed = await renew(sent.accessToken);
  if (renewed) {
    const again = await fetch(authorised(afterRefresh, renewed));
    if (again.status !== 401) return again;
  }
  if (!sessionExpired) return response;
  await sessionExpired();
  return fetch(authorised(afterLogin, loadSession()));
}

let renewing: Promise<Session | null> | null = null;

/** One refresh at a time in this tab, and (Web Locks) across tabs. Null: the session cannot be renewed. */
function renew(failedAccessToken: string): Promise<Session | null> {
  renewing ??= (async () => {
    try {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      return locks ? await locks.request('chatgrow.refresh', () => refreshOnce(failedAccessToken)) : await refreshOnce(failedAccessToken);
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

async function refreshOnce(failedAccessToken: string): Promise<Session | null> {
  const current = loadSession();
  if (!current) return null;
  // Another request or tab refreshed meanwhile: use its tokens.
  if (current.accessToken !== failedAccessToken) return current;
  const { data, response } = await publicApi.POST('/api/auth/refresh', { body: { refreshToken: current.refreshToken } });
  if (!data) {
    if (response.status === 401) clearSession();
    return null;
  }
  const next: Session = { ...current, accessToken: data.accessToken, refreshToken: data.refreshToken };
  saveSession(next);
  return next;
}

const baseUrl = typeof location === 'undefined' ? 'http://localhost' : location.origin;

/** For login and refresh only. */
export const publicApi = createClient<paths>({ baseUrl });

/** The API as the signed-in person. Typed from the committed openapi.json. */
export const api = createClient<paths>({ baseUrl, fetch: sessionFetch });

/** Logs in and keeps the session; the answer's problem on failure. */
export async function login(
  email: string,
  password: string,
  businessId?: string,
): Promise<{ ok: true } | { ok: false; status: number; problem?: Problem }> {
  const { data, error, response } = await publicApi.POST('/api/auth/login', {
    body: { email, password, ...(businessId ? { businessId } : {}) },
  });
  if (!data) return { ok: false, status: response.status, problem: error };
  saveSession({ accessToken: data.accessToken, refreshToken: data.refreshToken, businessId: data.businessId, email });
  return { ok: true };
}

/** Ends the session on the server (best effort) and here. */
export async function logout(): Promise<void> {
  const session = loadSession();
  clearSession();
  if (!session) return;
  await fetch(new URL('/api/auth/logout', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', Authorization: `Bearer ${session.accessToken}` },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  }).catch(() => undefined);
}
