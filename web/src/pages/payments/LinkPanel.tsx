import { useId, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formErrors } from '../../api/problem';
import { useApp } from '../../context';
import { displayPhone } from '../../format';
import type { Payment } from './shared';

/** A pending payment's page: the link to copy, send by SMS or email, or open (the sandbox gateway's page in development). */
export function LinkPanel(props: { payment: Payment }) {
  const { t, announce } = useApp();
  const id = useId();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const url = props.payment.pageUrl;
  if (!url) return null;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ text: t('pay.link.copied'), error: false });
      announce(t('pay.link.copied'));
    } catch {
      // No clipboard permission: the link is selected for the person to copy.
      document.getElementById(id)?.focus();
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setMessage({ text: t('pay.link.copyManually'), error: true });
    }
  };

  const send = async (channel: 'sms' | 'email') => {
    setBusy(true);
    setMessage(null);
    try {
      const { data, error, response } = await api.POST('/api/payments/{id}/send', {
        params: { path: { id: props.payment.id } },
        body: { channel },
      });
      if (data) {
        const to = channel === 'sms' ? displayPhone(data.to) : data.to;
        setMessage({ text: t(channel === 'sms' ? 'pay.link.sentSms' : 'pay.link.sentEmail', { to }), error: false });
        announce(t(channel === 'sms' ? 'pay.link.sentSms' : 'pay.link.sentEmail', { to }));
      } else setMessage({ text: formErrors(error, response.status, [], t).form ?? '', error: true });
    } catch {
      setMessage({ text: t('errors.network'), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="link-panel">
      <label for={id}>{t('pay.link.label')}</label>
      <input id={id} class="link-input" type="url" readOnly value={url} dir="ltr" onFocus={(e) => e.currentTarget.select()} />
      <div class="row-actions">
        <button type="button" class="button button-small" onClick={copy}>
          {t('pay.link.copy')}
        </button>
        <button type="button" class="button button-small" disabled={busy} onClick={() => send('sms')}>
          {t('pay.link.sendSms')}
        </button>
        <button type="button" class="button button-small" disabled={busy} onClick={() => send('email')}>
          {t('pay.link.sendEmail')}
        </button>
        <a class="button button-small" href={url} target="_blank" rel="noopener noreferrer">
          {t('pay.link.open')}
          <span class="sr-only"> {t('pay.link.newTab')}</span>
        </a>
      </div>
      {message && (
        <p class={message.error ? 'field-error' : 'muted'} role={message.error ? 'alert' : undefined}>
          {message.text}
        </p>
      )}
    </div>
  );
}
