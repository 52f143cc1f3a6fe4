import { useEffect, useState } from 'preact/hooks';

export const BASE = '/dashboard';

/** The pages of the shell's navigation, in order, with their paths under BASE. */
export const PAGES = [
  { id: 'home', path: '' },
  { id: 'customers', path: '/customers' },
  { id: 'appointments', path: '/appointments' },
  { id: 'events', path: '/events' },
  { id: 'payments', path: '/payments' },
  { id: 'notifications', path: '/notifications' },
  { id: 'marketing', path: '/marketing' },
  { id: 'settings', path: '/settings' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];
export type RouteId = PageId | 'login' | 'not-found';

export const hrefOf = (id: PageId | 'login'): string =>
  id === 'login' ? `${BASE}/login` : `${BASE}${PAGES.find((p) => p.id === id)!.path}`;

export function routeOf(pathname: string): RouteId {
  const rest = pathname.replace(/\/+$/, '').slice(BASE.length);
  if (rest === '/login') return 'login';
  return PAGES.find((p) => p.path === rest)?.id ?? 'not-found';
}

const NAVIGATED = 'chatgrow:navigate';

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  dispatchEvent(new Event(NAVIGATED));
}

/** The current location, re-rendering on back/forward and on navigate(). */
export function useLocation(): { pathname: string; search: string } {
  const read = () => ({ pathname: location.pathname, search: location.search });
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => setValue(read());
    addEventListener('popstate', update);
    addEventListener(NAVIGATED, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(NAVIGATED, update);
    };
  }, []);
  return value;
}

/** Same-origin links under BASE navigate without a page load (plain clicks only: new-tab clicks keep working). */
export function interceptLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.getAttribute('href')?.startsWith('#')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || !(url.pathname === BASE || url.pathname.startsWith(`${BASE}/`))) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}
