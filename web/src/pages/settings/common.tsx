import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../../api/client';
import { formErrors, type FormErrors } from '../../api/problem';
import { useApp } from '../../context';

export type Role = 'owner' | 'admin' | 'staff';
export const canManage = (role: Role | undefined) => role === 'owner' || role === 'admin';

type Answer<T> = { data?: T; error?: Problem; response: Response };

/** Loads once (and again on reload()): data, or the API's message, or the network's. */
export function useLoad<T>(load: () => Promise<Answer<T>>, deps: unknown[] = []) {
  const { t } = useApp();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    load()
      .then(({ data: value, error: problem, response }) => {
        if (!live) return;
        if (value !== undefined) setData(value);
        else setError(formErrors(problem, response.status, [], t).form ?? null);
      })
      .catch(() => live && setError(t('errors.network')));
    return () => {
      live = false;
    };
  }, [loads, ...deps]);
  return { data, setData, error, reload: () => setLoads((n) => n + 1) };
}

/**
 * Sends a form's request: busy while it runs, the API's field errors under the
 * fields (by name), the rest above the form; the network's failure keeps what was typed.
 */
export function useSubmit(fieldNames: readonly string[]) {
  const { t } = useApp();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  async function run<T>(send: () => Promise<Answer<T>>, onDone: (data: T) => void): Promise<void> {
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const result = await send();
      if (result.data !== undefined || result.response.ok) onDone(result.data as T);
      else setErrors(formErrors(result.error, result.response.status, fieldNames, t));
    } catch {
      setErrors({ fields: {}, form: t('errors.network') });
    } finally {
      setBusy(false);
    }
  }
  return { errors, setErrors, busy, run };
}

export function FormAlert(props: { message?: string | null }) {
  return props.message ? (
    <p class="alert alert-error" role="alert">
      {props.message}
    </p>
  ) : null;
}

/** One settings section: its heading, what it is for, its own form and save. */
export function Section(props: { title: string; intro?: string; children: ComponentChildren; id: string }) {
  return (
    <section class="settings-section" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro && <p class="muted">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** What a section's form gets: the loaded settings, whether the person may change them, and what to do once saved. */
export interface SettingsFormProps<T> {
  settings: T;
  readOnly: boolean;
  onSaved(saved: T): void;
}

/**
 * A section whose form edits one settings resource: loads it, shows the form
 * (read-only for staff), and once saved keeps the answer and says so.
 */
export function SettingsFormSection<T>(props: {
  id: string;
  title: string;
  intro: string;
  load: () => Promise<Answer<T>>;
  form: (form: SettingsFormProps<T>) => JSX.Element;
}) {
  const { t, me, announce } = useApp();
  const load = useLoad(props.load);
  return (
    <Section id={props.id} title={props.title} intro={props.intro}>
      {load.data ? (
        props.form({
          settings: load.data,
          readOnly: !canManage(me?.role),
          onSaved: (saved) => {
            load.setData(saved);
            announce(t('settings.saved'));
          },
        })
      ) : (
        <Loading error={load.error} />
      )}
    </Section>
  );
}

export function Loading(props: { error: string | null }) {
  const { t } = useApp();
  return props.error ? <FormAlert message={props.error} /> : <p role="status">{t('app.loading')}</p>;
}

/** A text input's value for the API: trimmed, and null when emptied. */
export const orNull = (text: string) => (text.trim() ? text.trim() : null);
