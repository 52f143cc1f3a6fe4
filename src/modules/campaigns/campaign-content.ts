import type { FieldError } from '../../common/problem/problem-details';
import { Channel, MessageLocale } from '../notifications/notification.types';
import type { TemplateSource } from '../notifications/templates/built-ins/built-in-template';
import { BUSINESS_VARIABLES, CUSTOMER_VARIABLES } from '../notifications/templates/built-ins/common-variables';
import { messageFormatFor } from '../notifications/templates/locale-format';
import { templateErrors } from '../notifications/templates/template-validation';
import { sampleScope } from '../notifications/templates/template-variables';

/** What a campaign's text may use: the business and the recipient. */
export const CAMPAIGN_VARIABLES = [...BUSINESS_VARIABLES, ...CUSTOMER_VARIABLES];

/** The Liquid source a campaign sends (an SMS has no subject or HTML). */
export function campaignSource(c: { channel: Channel; subject: string | null; body: string; html: string | null }): TemplateSource {
  const email = c.channel === Channel.email;
  return { subject: email ? c.subject : null, body: c.body, html: email ? c.html : null };
}

/** Liquid errors per field (syntax, a variable campaigns do not have, a render past a limit), in both languages' sample data. */
export function campaignContentErrors(source: Partial<TemplateSource>): FieldError[] {
  for (const locale of [MessageLocale.he, MessageLocale.en]) {
    const errors = templateErrors(source, CAMPAIGN_VARIABLES, {
      scope: sampleScope(CAMPAIGN_VARIABLES, locale),
      format: messageFormatFor({ timezone: 'Asia/Jerusalem', currency: 'ILS' }, locale),
    });
    if (errors.length) return errors;
  }
  return [];
}
