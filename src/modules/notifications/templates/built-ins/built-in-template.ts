import type { Channel, MessageLocale, TemplateKey } from '../../notification.types';
import type { TemplateVariable } from '../template-variables';

/**
 * The Liquid source of one (key, channel, locale): `subject` (email), `body`
 * (the plain-text part of an email, or the SMS) and `html` (the email's HTML
 * content, placed in the layout; null: made from the text).
 */
export interface TemplateSource {
  subject: string | null;
  body: string;
  html: string | null;
}

/** A built-in template: what it is for, the variables it may use, and its source per channel and locale. */
export interface BuiltInTemplate {
  key: TemplateKey;
  description: string;
  /** Besides the business variables every template has. */
  variables: TemplateVariable[];
  sources: Partial<Record<Channel, Record<MessageLocale, TemplateSource>>>;
}

/** Lines of Liquid source: texts are written one line per element. */
export const lines = (...parts: string[]): string => parts.join('\n');

export const email = (subject: string, body: string, html: string): TemplateSource => ({ subject, body, html });
export const sms = (body: string): TemplateSource => ({ subject: null, body, html: null });

/** A link written as a button-like anchor in the email HTML. */
export const button = (urlVariable: string, label: string): string =>
  `<p style="margin:24px 0"><a href="{{ ${urlVariable} }}" style="display:inline-block;padding:10px 20px;background:#2563eb;color:#ffffff;text-decoration:none;border-radius:6px">${label}</a></p>`;
