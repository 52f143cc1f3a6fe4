import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context';
import { hrefOf, PAGES, type RouteId } from '../router';
import { BusinessSwitcher } from './BusinessSwitcher';

/**
 * The signed-in layout: a skip link, the top bar (business, language, log out),
 * the navigation (a sidebar; behind a menu button on a phone) and the main area.
 */
export function Shell(props: { route: RouteId; children: ComponentChildren }) {
  const { t, lang, setLang, me, logout } = useApp();
  const [menuOpen, setMenuOpen] = useState(false);
  const first = useRef(true);

  // A new page: close the phone menu and move focus to its heading, as a page load would.
  useEffect(() => {
    setMenuOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('page-title')?.focus();
  }, [props.route]);

  const other = lang === 'he' ? 'en' : 'he';
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="topbar">
        <button
          type="button"
          class="button button-ghost menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span aria-hidden="true" class="menu-icon">
            ☰
          </span>
          <span class="sr-only">{t('nav.menu')}</span>
        </button>
        <a class="brand" href={hrefOf('home')}>
          {t('app.name')}
        </a>
        <BusinessSwitcher />
        <span class="topbar-actions">
          <button type="button" class="button button-ghost" lang={other} title={t('lang.toggleLabel')} onClick={() => setLang(other)}>
            {t('lang.toggle')}
          </button>
          <button type="button" class="button button-ghost" onClick={logout} title={me?.email}>
            {t('auth.logout')}
          </button>
        </span>
      </header>
      <div class="layout">
        <nav id="main-nav" class={menuOpen ? 'sidebar sidebar-open' : 'sidebar'} aria-label={t('nav.label')}>
          <ul>
            {PAGES.map((page) => (
              <li key={page.id}>
                <a href={hrefOf(page.id)} aria-current={props.route === page.id ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
                  {t(`nav.${page.id}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {props.children}
        </main>
      </div>
    </div>
  );
}

/** A page's heading: the target of the skip link's focus move on navigation. */
export function PageTitle(props: { children: ComponentChildren }) {
  return (
    <h1 id="page-title" tabIndex={-1}>
      {props.children}
    </h1>
  );
}
