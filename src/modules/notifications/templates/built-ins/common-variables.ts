import { variable, VariableKind as K } from '../template-variables';

/** Every template has these; the renderer fills them from the business unless the caller sends its own. */
export const BUSINESS_VARIABLES = [
  variable('business.name', K.text, "The business's name", { he: 'סטודיו דנה', en: 'Studio Dana' }),
  variable('business.phone', K.text, "The business's phone, written for Israel (050-123-4567)", '03-555-1234'),
  variable('business.email', K.email, "The business's email", 'studio@example.co.il'),
];

export const CUSTOMER_VARIABLES = [
  variable('customer.firstName', K.text, "The customer's first name", { he: 'נועה', en: 'Noa' }),
  variable('customer.lastName', K.text, "The customer's last name (may be empty)", { he: 'כהן', en: 'Cohen' }),
];

/** Preview instants: Sunday 3 May 2026, 10:30–11:15 in Israel (UTC+3). */
export const SAMPLE_START = '2026-05-03T07:30:00.000Z';
export const SAMPLE_END = '2026-05-03T08:15:00.000Z';
