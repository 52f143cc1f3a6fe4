import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, logout as endSession, onSessionExpired, SessionEndedError, type Schemas } from './api/client';
import { loadSession } from './api/session';
import { Dialog } from './components/Dialog';
import { LoginForm } from './components/LoginForm';
import { Shell } from './components/Shell';
import { AppContext, type AppState } from './context';
import { formats } from './format';
import { applyLang, chooseLang, storeLang, storedLang, translator, type Lang } from './i18n/i18n';
import { AppointmentsPage } from './pages/AppointmentsPage';
import { CustomersPage } from './pages/CustomersPage';
import { EventsPage } from './pages/EventsPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { MarketingPage } from './pages/MarketingPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { PaymentsPage } from './pages/PaymentsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SettingsPage } from './pages/SettingsPage';
import { BASE, hrefOf, interceptLinks, navigate, routeOf, useLocation, type RouteId } from './router';

type Profile = { me: Schemas['MeDto']; business: Schemas['BusinessDto'] };

async function loadProfile(): Promise<Profile> {
  const [me, business] = await Promise.all([api.GET('/api/auth/me'), api.GET('/api/business')]);
  if (!me.data || !business.data) throw new SessionEndedError();
  return { me: me.data, business: business.data };
}

/** Where to go after logging in: the page asked for, if it is one of ours. */
function nextFrom(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith(`${BASE}`) && !next.startsWith('//') ? next : hrefOf('home');
}

export function App() {
  const [lang, setLangState] = useState<Lang>(() => chooseLang());
  const [profile, setProfile] = useState<Profile | null>(null);
  const [booting, setBooting] = useState(() => loadSession() !== null);
  const [expired, setExpired] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const waiting = useRef<(() => void)[]>([]);
  const signedIn = useRef(false);
  signedIn.current = profile !== null;
  const { pathname, search } = useLocation();
  const route = routeOf(pathname);

  // Before the browser paints (and before anything reads the page): <html lang dir> changes with the text.
  useLayoutEffect(() => applyLang(lang), [lang]);
  const t = useMemo(() => translator(lang), [lang]);
  const fmt = useMemo(() => formats(lang, profile?.business.timeZone, profile?.business.currency), [lang, profile]);

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);

  const signIn = useCallback(async () => {
    const next = await loadProfile();
    setProfile(next);
    // The business's locale decides, unless the person chose a language themselves.
    if (!storedLang()) setLangState(chooseLang(next.business.locale));
  }, []);

  const toLogin = useCallback(() => {
    const here = location.pathname + location.search;
    navigate(`${hrefOf('login')}${routeOf(location.pathname) === 'login' ? location.search : `?next=${encodeURIComponent(here)}`}`, {
      replace: true,
    });
  }, []);

  // A signed-in page keeps its state: the login dialog opens over it and the failed call is sent again after.
  useEffect(() => {
    onSessionExpired(() => {
      if (!signedIn.current) return Promise.reject(new SessionEndedError());
      setExpired(true);
      return new Promise<void>((resolve) => waiting.current.push(resolve));
    });
    return () => onSessionExpired(null);
  }, []);

  useEffect(() => {
    if (!booting) return;
    signIn()
      .catch(() => {
        void endSession();
        toLogin();
      })
      .finally(() => setBooting(false));
  }, []);

  useEffect(() => {
    if (booting) return;
    if (!profile && route !== 'login') toLogin();
    if (profile && route === 'login') navigate(nextFrom(search), { replace: true });
  }, [booting, profile, route]);

  useEffect(() => {
    document.addEventListener('click', interceptLinks);
    return () => document.removeEventListener('click', interceptLinks);
  }, []);

  const announce = useCallback((message: string) => {
    // Cleared first, so the same message twice is announced twice.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(message), 50);
  }, []);

  const logout = useCallback(() => {
    void endSession();
    setProfile(null);
    navigate(hrefOf('login'), { replace: true });
  }, []);

  const state: AppState = {
    lang,
    setLang,
    t,
    fmt,
    me: profile?.me ?? null,
    business: profile?.business ?? null,
    announce,
    logout,
    reload: signIn,
  };
  const title = pageTitle(route, t);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);

  let body;
  if (booting || (!profile && route !== 'login')) {
    body = (
      <main id="main" class="booting">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  } else if (route === 'login') {
    body = <LoginPage onLoggedIn={signIn} />;
  } else {
    body = (
      <Shell route={route}>
        <Page route={route} />
      </Shell>
    );
  }

  return (
    <AppContext.Provider value={state}>
      {body}
      <div class="toast" role="status" aria-live="polite">
        {announcement}
      </div>
      {expired && profile && (
        <Dialog title={t('login.expiredTitle')} dismissible={false}>
          <p>{t('login.expired')}</p>
          <LoginForm
            email={profile.me.email}
            businessId={profile.business.id}
            onLoggedIn={() => {
              setExpired(false);
              for (const resolve of waiting.current.splice(0)) resolve();
            }}
          />
        </Dialog>
      )}
    </AppContext.Provider>
  );
}

function Page(props: { route: RouteId }) {
  switch (props.route) {
    case 'home':
      return <HomePage />;
    case 'customers':
      return <CustomersPage />;
    case 'payments':
      return <PaymentsPage />;
    case 'appointments':
      return <AppointmentsPage />;
    case 'events':
      return <EventsPage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'marketing':
      return <MarketingPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <NotFoundPage />;
  }
}

function pageTitle(route: RouteId, t: AppState['t']): string {
  if (route === 'login') return t('login.title');
  if (route === 'not-found') return t('notFound.title');
  return t(`nav.${route}`);
}
