import { knownKey, type Translate } from '../i18n/i18n';
import type { Problem } from './client';

/** What a failed call means for a form: messages per field (by the form's field names) and one for the form. */
export interface FormErrors {
  fields: Record<string, string>;
  form?: string;
}

/**
 * Maps a problem+json answer onto a form: each `errors[].field` path goes to
 * the form field it names (`email`, or `marketingConsent.email.granted` → the
 * first segment that is a field); errors for fields the form does not have,
 * and problems without field errors, become the form's message. Messages are
 * translated by the problem's `code` when the catalogue knows it, and a plain
 * `validation_failed` by the field (`problem.field.phone`); otherwise the
 * API's own (English) message is shown.
 */
export function formErrors(problem: Problem | undefined, status: number, fieldNames: readonly string[], t: Translate): FormErrors {
  if (!problem) return { fields: {}, form: t('errors.unexpected', { requestId: '-' }) };
  const translated = problem.code ? knownKey(`problem.${problem.code}`) : undefined;
  const fields: Record<string, string> = {};
  const leftOver: string[] = [];
  for (const error of problem.errors ?? []) {
    const name = fieldNames.find((f) => error.field === f || error.field.startsWith(`${f}.`));
    const message = translated ? t(translated) : fieldMessage(problem.code, name ?? error.field, error.message, t);
    if (name) fields[name] ??= message;
    else leftOver.push(message);
  }
  if (Object.keys(fields).length > 0) return { fields, form: leftOver.length ? leftOver.join(' ') : t('errors.form') };
  if (translated) return { fields, form: t(translated) };
  if (status === 429) return { fields, form: t('errors.rateLimited') };
  if (status >= 500) return { fields, form: t('errors.unexpected', { requestId: problem.requestId }) };
  return { fields, form: leftOver.length ? leftOver.join(' ') : (problem.detail ?? problem.title) };
}

function fieldMessage(code: string | undefined, field: string, apiMessage: string, t: Translate): string {
  const key = code === 'validation_failed' ? knownKey(`problem.field.${field}`) : undefined;
  return key ? t(key) : apiMessage;
}
