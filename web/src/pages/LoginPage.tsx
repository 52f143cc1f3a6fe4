import { LoginForm } from '../components/LoginForm';
import { useApp } from '../context';

export function LoginPage(props: { onLoggedIn(): Promise<void> }) {
  const { t, lang, setLang } = useApp();
  const other = lang === 'he' ? 'en' : 'he';
  return (
    <div class="login-screen">
      <header class="login-header">
        <span class="brand">{t('app.name')}</span>
        <button type="button" class="button button-ghost" lang={other} title={t('lang.toggleLabel')} onClick={() => setLang(other)}>
          {t('lang.toggle')}
        </button>
      </header>
      <main id="main" class="login-card">
        <h1 id="page-title" tabIndex={-1}>
          {t('login.title')}
        </h1>
        <p class="muted">{t('login.intro')}</p>
        <LoginForm onLoggedIn={props.onLoggedIn} />
      </main>
    </div>
  );
}
