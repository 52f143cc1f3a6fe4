import type { FieldError } from '../../../common/problem/problem-details';
import type { TemplateSource } from './built-ins/built-in-template';
import type { MessageFormat } from './locale-format';
import { parseTemplate, referencedPaths, renderTemplate, TemplateRenderError, TemplateSyntaxError, type Markup } from './template-engine';
import { unknownVariables } from './template-variables';

const MARKUP: Record<keyof TemplateSource, Markup> = { subject: 'text', body: 'text', html: 'html' };

/**
 * What is wrong with template sources before they are saved or previewed,
 * per field: Liquid syntax, a tag or filter we do not offer (include, render,
 * layout: no file or template access), a variable the key does not declare
 * (named), or a render that runs past a limit with the sample data.
 */
export function templateErrors(
  source: Partial<TemplateSource>,
  declared: Parameters<typeof unknownVariables>[1],
  sample: { scope: Record<string, unknown>; format: MessageFormat },
): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['subject', 'body', 'html'] as const) {
    const text = source[field];
    if (typeof text !== 'string') continue;
    const markup = MARKUP[field];
    try {
      const parsed = parseTemplate(text, markup);
      const unknown = unknownVariables(referencedPaths(parsed, markup), declared);
      if (unknown.length) {
        const list = unknown.join(', ');
        errors.push({ field, message: `${field} uses ${unknown.length === 1 ? 'an unknown variable' : 'unknown variables'}: ${list}` });
        continue;
      }
      renderTemplate(parsed, sample.scope, markup, sample.format);
    } catch (err) {
      if (!(err instanceof TemplateSyntaxError || err instanceof TemplateRenderError)) throw err;
      errors.push({ field, message: `${field}: ${err.message}` });
    }
  }
  return errors;
}
