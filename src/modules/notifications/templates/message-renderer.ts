import { Channel, type RenderedMessage } from '../notification.types';
import type { TemplateSource } from './built-ins/built-in-template';
import { emailDocument, textToHtml } from './email-layout';
import type { MessageFormat } from './locale-format';
import { parseTemplate, renderTemplate } from './template-engine';

/** Trailing spaces off, at most one blank line in a row, no blank lines around. */
export const tidyText = (text: string): string =>
  text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** A subject is one line: no line break can reach the mail header. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function businessNameOf(scope: Record<string, unknown>): string {
  const business = scope.business;
  const name = business && typeof business === 'object' ? (business as Record<string, unknown>).name : undefined;
  return typeof name === 'string' ? name : '';
}

/**
 * Renders one template source with its scope. Email: the subject and the
 * plain-text part from text renders (values as they are), the HTML part from
 * an escaping render placed in the layout (made from the text when the
 * source has no HTML). SMS: the text only. Missing values render empty.
 */
export function renderMessage(
  source: TemplateSource,
  channel: Channel,
  scope: Record<string, unknown>,
  format: MessageFormat,
): RenderedMessage {
  const text = tidyText(renderTemplate(parseTemplate(source.body, 'text'), scope, 'text', format));
  if (channel !== Channel.email) return { text };
  const subject = oneLine(source.subject ? renderTemplate(parseTemplate(source.subject, 'text'), scope, 'text', format) : '');
  const content = source.html ? renderTemplate(parseTemplate(source.html, 'html'), scope, 'html', format).trim() : textToHtml(text);
  const html = emailDocument(content, { locale: format.locale, businessName: businessNameOf(scope), subject });
  return { subject, text, html };
}
