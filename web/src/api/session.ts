/**
 * The signed-in session, kept in localStorage so a reload (or a second tab)
 * stays signed in. The refresh token rotates on every use; every tab reads the
 * current pair from here right before it refreshes, so two tabs never spend the
 * same refresh token (see `renew` in client.ts).
 */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** The business the dashboard acts for (`X-Business-Id`). */
  businessId: string;
  email: string;
}

const KEY = 'chatgrow.session';

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string' || typeof value.businessId !== 'string')
      return null;
    return { accessToken: value.accessToken, refreshToken: value.refreshToken, businessId: value.businessId, email: value.email ?? '' };
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}
