import { useState } from 'preact/hooks';
import { login } from '../api/client';
import { useApp } from '../context';
import { Field } from './Field';

/** Email and password; on the login page and in the "session expired" dialog. */
export function LoginForm(props: { email?: string; businessId?: string; onLoggedIn(): void | Promise<void> }) {
  const { t } = useApp();
  const [email, setEmail] = useState(props.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await login(email.trim(), password, props.businessId);
      if (result.ok) {
        setPassword('');
        await props.onLoggedIn();
        return;
      }
      setError(
        result.status === 429
          ? t('errors.rateLimited')
          : result.status === 401 || result.status === 400
            ? t('login.failed')
            : t('errors.unexpected', { requestId: result.problem?.requestId ?? '-' }),
      );
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" onSubmit={submit} noValidate>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <Field
        label={t('login.email')}
        name="email"
        type="email"
        dir="ltr"
        autoComplete="username"
        required
        value={email}
        onValue={setEmail}
      />
      <Field
        label={t('login.password')}
        name="password"
        type="password"
        dir="ltr"
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      <button type="submit" class="button button-primary" disabled={busy}>
        {busy ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
