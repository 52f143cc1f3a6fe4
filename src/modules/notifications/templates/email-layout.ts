import { escapeHtml } from '../../../common/text/html';
import { MessageLocale } from '../notification.types';

const DIRECTION: Record<MessageLocale, 'rtl' | 'ltr'> = { [MessageLocale.he]: 'rtl', [MessageLocale.en]: 'ltr' };

/**
 * The one email layout: a whole HTML document in the message's language and
 * direction (`<html dir="rtl" lang="he">` for Hebrew), with the business's
 * name above the template's content. The content is already rendered (and
 * escaped); the name and subject are escaped here.
 */
export function emailDocument(content: string, options: { locale: MessageLocale; businessName: string; subject: string }): string {
  const dir = DIRECTION[options.locale];
  const align = dir === 'rtl' ? 'right' : 'left';
  return [
    '<!DOCTYPE html>',
    `<html dir="${dir}" lang="${options.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background:#f4f4f5">',
    `<div dir="${dir}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#111827;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;text-align:${align}">`,
    options.businessName ? `<p style="margin:0 0 16px;font-size:20px;font-weight:bold">${escapeHtml(options.businessName)}</p>` : '',
    content,
    '</div>',
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** HTML content made from a rendered plain text (a template saved without HTML): escaped, paragraphs, line breaks, links. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((paragraph) => {
      const escaped = escapeHtml(paragraph).replace(URL_IN_TEXT, (url) => `<a href="${url}">${url}</a>`);
      return `<p>${escaped.replace(/\n/g, '<br>\n')}</p>`;
    })
    .join('\n');
}
