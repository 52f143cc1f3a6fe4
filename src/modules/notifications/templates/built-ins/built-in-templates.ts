import { Channel, MessageLocale, TemplateKey } from '../../notification.types';
import type { TemplateVariable } from '../template-variables';
import { ACCOUNT_TEMPLATES } from './account.templates';
import { APPOINTMENT_TEMPLATES } from './appointment.templates';
import type { BuiltInTemplate, TemplateSource } from './built-in-template';
import { BUSINESS_VARIABLES } from './common-variables';
import { MEMBER_TEMPLATES } from './member.templates';
import { PAYMENT_TEMPLATES } from './payment.templates';
import { REGISTRATION_TEMPLATES } from './registration.templates';
import { SUBSCRIBER_TEMPLATES } from './subscriber.templates';

function byKey(templates: BuiltInTemplate[]): ReadonlyMap<TemplateKey, BuiltInTemplate> {
  const map = new Map<TemplateKey, BuiltInTemplate>();
  for (const t of templates) {
    if (map.has(t.key)) throw new Error(`Two built-in templates for ${t.key}`);
    map.set(t.key, t);
  }
  const missing = Object.values(TemplateKey).filter((key) => !map.has(key));
  if (missing.length) throw new Error(`No built-in template for ${missing.join(', ')}`);
  return map;
}

/** Every TemplateKey's built-in template, checked when the module loads: one per key, none missing. */
export const BUILT_IN_TEMPLATES = byKey([
  ...APPOINTMENT_TEMPLATES,
  ...REGISTRATION_TEMPLATES,
  ...SUBSCRIBER_TEMPLATES,
  ...MEMBER_TEMPLATES,
  ...PAYMENT_TEMPLATES,
  ...ACCOUNT_TEMPLATES,
]);

export const TEMPLATE_KEYS = [...BUILT_IN_TEMPLATES.keys()];
export const LOCALES = Object.values(MessageLocale);

export function builtInTemplate(key: TemplateKey): BuiltInTemplate {
  const t = BUILT_IN_TEMPLATES.get(key);
  if (!t) throw new Error(`No built-in template for ${key}`);
  return t;
}

/** The channels a key is sent on (email for every key; SMS where a short text makes sense). */
export function channelsOf(key: TemplateKey): Channel[] {
  return Object.values(Channel).filter((c) => builtInTemplate(key).sources[c]);
}

/** The built-in source of (key, channel, locale), or undefined when the key is not sent on that channel. */
export function builtInSource(key: TemplateKey, channel: Channel, locale: MessageLocale): TemplateSource | undefined {
  return builtInTemplate(key).sources[channel]?.[locale];
}

/** All a key's templates may reference: the business variables and the key's own. */
export function variablesOf(key: TemplateKey): TemplateVariable[] {
  return [...BUSINESS_VARIABLES, ...builtInTemplate(key).variables];
}
