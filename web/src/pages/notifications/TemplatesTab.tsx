import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors, type FormErrors } from '../../api/problem';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { channelLabel, templateLabel, type TemplateKey } from './labels';

type KeyInfo = Schemas['TemplateKeyDto'];
type Template = Schemas['TemplateDto'];
type Preview = Schemas['TemplatePreviewDto'];
type Channel = Template['channel'];
type Locale = Template['locale'];
interface Draft {
  subject: string;
  body: string;
  html: string;
}
const FIELDS = ['subject', 'body', 'html'] as const;
const PREVIEW_DELAY_MS = 300;

/** Pick a template (key, channel, language), edit it with a live preview (debounced), save, or restore the built-in. */
export function TemplatesTab() {
  const { t, fmt, me, announce } = useApp();
  const canEdit = me?.role === 'owner' || me?.role === 'admin';
  const [keys, setKeys] = useState<KeyInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [key, setKey] = useState<TemplateKey>('appointment.booked');
  const [channel, setChannel] = useState<Channel>('email');
  const [locale, setLocale] = useState<Locale>('he');
  const [template, setTemplate] = useState<Template | null>(null);
  const [draft, setDraft] = useState<Draft>({ subject: '', body: '', html: '' });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewErrors, setPreviewErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [loads, setLoads] = useState(0);
  const previewTicket = useRef(0);

  useEffect(() => {
    api
      .GET('/api/notifications/templates', { params: { query: { limit: 100 } } })
      .then(({ data, error, response }) =>
        data ? setKeys(data.data) : setListError(formErrors(error, response.status, [], t).form ?? null),
      )
      .catch(() => setListError(t('errors.network')));
  }, []);

  const info = keys?.find((k) => k.key === key);

  // A key without the chosen channel or language falls back to its first.
  useEffect(() => {
    if (!info) return;
    if (!info.channels.includes(channel)) setChannel(info.channels[0]);
    if (!info.locales.includes(locale)) setLocale(info.locales[0]);
  }, [info]);

  useEffect(() => {
    if (!info || !info.channels.includes(channel) || !info.locales.includes(locale)) return;
    let live = true;
    setTemplate(null);
    setPreview(null);
    setPreviewErrors({ fields: {} });
    setErrors({ fields: {} });
    api
      .GET('/api/notifications/templates/{key}/{channel}/{locale}', { params: { path: { key, channel, locale } } })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (!data) return setErrors(formErrors(error, response.status, [], t));
        setTemplate(data);
        setDraft({ subject: data.subject ?? '', body: data.body, html: data.html ?? '' });
      })
      .catch(() => live && setErrors({ fields: {}, form: t('errors.network') }));
    return () => {
      live = false;
    };
  }, [info, key, channel, locale, loads]);

  // The preview follows the draft once typing settles; an older answer never replaces a newer one.
  useEffect(() => {
    if (!template) return;
    const ticket = ++previewTicket.current;
    const timer = setTimeout(() => {
      api
        .POST('/api/notifications/templates/preview', {
          body: {
            key,
            channel,
            locale,
            body: draft.body,
            ...(channel === 'email' ? { subject: draft.subject, html: draft.html.trim() ? draft.html : null } : {}),
          },
        })
        .then(({ data, error, response }) => {
          if (ticket !== previewTicket.current) return;
          if (data) {
            setPreview(data);
            setPreviewErrors({ fields: {} });
          } else setPreviewErrors(formErrors(error, response.status, FIELDS, t));
        })
        .catch(() => ticket === previewTicket.current && setPreviewErrors({ fields: {}, form: t('errors.network') }));
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [template, draft]);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const result = await api.PUT('/api/notifications/templates/{key}/{channel}/{locale}', {
        params: { path: { key, channel, locale } },
        body:
          channel === 'email'
            ? { subject: draft.subject, body: draft.body, html: draft.html.trim() ? draft.html : null }
            : { body: draft.body },
      });
      if (result.data) {
        setTemplate(result.data);
        announce(t('notifications.templates.saved'));
      } else setErrors(formErrors(result.error, result.response.status, FIELDS, t));
    } catch {
      setErrors({ fields: {}, form: t('errors.network') });
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const result = await api.DELETE('/api/notifications/templates/{key}/{channel}/{locale}', {
        params: { path: { key, channel, locale } },
      });
      if (result.response.ok) {
        announce(t('notifications.templates.restored'));
        setLoads((n) => n + 1);
      } else setErrors(formErrors(result.error, result.response.status, [], t));
    } catch {
      setErrors({ fields: {}, form: t('errors.network') });
    } finally {
      setBusy(false);
    }
  };

  // After a refused save, the first field in error takes the focus.
  useEffect(() => {
    const first = FIELDS.find((f) => errors.fields[f]);
    if (first) document.querySelector<HTMLElement>(`.template-form [name="${first}"]`)?.focus();
  }, [errors]);

  if (listError)
    return (
      <p class="alert alert-error" role="alert">
        {listError}
      </p>
    );
  if (!keys) return <p role="status">{t('app.loading')}</p>;

  const fieldError = (name: (typeof FIELDS)[number]) => errors.fields[name] ?? previewErrors.fields[name];
  // An edit answers the save's refusal: the live preview checks the draft from here on.
  const edit = (name: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [name]: value }));
    if (Object.keys(errors.fields).length) setErrors({ fields: {} });
  };

  return (
    <div class="templates">
      <div class="form-grid template-picker">
        <Field
          label={t('notifications.templates.key')}
          name="key"
          as="select"
          value={key}
          onValue={(v) => setKey(v as TemplateKey)}
          options={keys.map((k) => ({ value: k.key, label: templateLabel(t, k.key) }))}
        />
        <Field
          label={t('notifications.templates.channel')}
          name="templateChannel"
          as="select"
          value={channel}
          onValue={(v) => setChannel(v as Channel)}
          options={(info?.channels ?? []).map((c) => ({ value: c, label: channelLabel(t, c) }))}
        />
        <Field
          label={t('notifications.templates.locale')}
          name="templateLocale"
          as="select"
          value={locale}
          onValue={(v) => setLocale(v as Locale)}
          options={(info?.locales ?? []).map((l) => ({ value: l, label: t(`lang.${l}`) }))}
        />
      </div>

      {!template ? (
        errors.form ? (
          <p class="alert alert-error" role="alert">
            {errors.form}
          </p>
        ) : (
          <p role="status">{t('app.loading')}</p>
        )
      ) : (
        <div class="editor-grid">
          <form class="template-form stack" onSubmit={save} noValidate aria-label={t('notifications.templates.editor')}>
            <p class="muted">
              {template.overridden
                ? t('notifications.templates.overridden', { when: template.updatedAt ? fmt.dateTime(template.updatedAt) : '' })
                : t('notifications.templates.builtIn')}
            </p>
            {errors.form && (
              <p class="alert alert-error" role="alert">
                {errors.form}
              </p>
            )}
            {channel === 'email' && (
              <Field
                label={t('notifications.templates.subject')}
                name="subject"
                dir={locale === 'he' ? 'rtl' : 'ltr'}
                value={draft.subject}
                onValue={edit('subject')}
                error={fieldError('subject')}
              />
            )}
            <Field
              label={channel === 'sms' ? t('notifications.templates.sms') : t('notifications.templates.body')}
              name="body"
              as="textarea"
              dir={locale === 'he' ? 'rtl' : 'ltr'}
              value={draft.body}
              onValue={edit('body')}
              error={fieldError('body')}
            />
            {channel === 'email' && (
              <Field
                label={t('notifications.templates.html')}
                name="html"
                as="textarea"
                dir="ltr"
                hint={t('notifications.templates.htmlHint')}
                value={draft.html}
                onValue={edit('html')}
                error={fieldError('html')}
              />
            )}
            {info && info.variables.length > 0 && (
              <details class="variables">
                <summary>{t('notifications.templates.variables')}</summary>
                <ul>
                  {info.variables.map((v) => (
                    <li key={v.name}>
                      <code dir="ltr">{`{{ ${v.name} }}`}</code> <span dir="auto">{v.description}</span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {canEdit ? (
              <div class="form-actions">
                <button type="submit" class="button button-primary" disabled={busy}>
                  {t('notifications.templates.save')}
                </button>
                <button type="button" class="button" disabled={busy || !template.overridden} onClick={restore}>
                  {t('notifications.templates.restore')}
                </button>
              </div>
            ) : (
              <p class="muted">{t('notifications.templates.readOnly')}</p>
            )}
          </form>

          <section class="preview card" aria-labelledby="preview-title">
            <h2 id="preview-title">{t('notifications.templates.preview', { lang: t(`lang.${locale}`) })}</h2>
            {previewErrors.form && !Object.keys(previewErrors.fields).length && <p class="alert alert-error">{previewErrors.form}</p>}
            {Object.keys(previewErrors.fields).length > 0 && <p class="alert alert-error">{t('notifications.templates.previewInvalid')}</p>}
            {preview ? (
              <div lang={preview.locale} dir={preview.locale === 'he' ? 'rtl' : 'ltr'}>
                {preview.subject && <p class="preview-subject">{preview.subject}</p>}
                <pre class="preview-text">{preview.text}</pre>
              </div>
            ) : (
              <p class="muted">{t('app.loading')}</p>
            )}
            {preview?.sms && (
              <p class="sms-count" aria-live="polite">
                {t('notifications.templates.segments', {
                  segments: fmt.number(preview.sms.segments),
                  characters: fmt.number(preview.sms.characters),
                  encoding: preview.sms.encoding,
                })}
              </p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
