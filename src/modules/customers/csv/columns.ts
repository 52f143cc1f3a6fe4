import { foldText } from '../customer-search';

/** What a CSV column can feed. `custom.<key>` writes one custom field; `ignore` drops the column. */
export type CsvField =
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'email'
  | 'phone'
  | 'tags'
  | 'notes'
  | 'address'
  | 'birthday'
  | 'language'
  | 'source'
  | 'emailConsent'
  | 'smsConsent'
  | 'customFields'
  | 'ignore'
  | `custom.${string}`;

export const CSV_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'tags',
  'notes',
  'address',
  'birthday',
  'language',
  'source',
  'emailConsent',
  'smsConsent',
  'customFields',
  'ignore',
] as const;

type ExportKey =
  | 'id'
  | 'firstName'
  | 'lastName'
  | 'phone'
  | 'email'
  | 'tags'
  | 'notes'
  | 'address'
  | 'birthday'
  | 'language'
  | 'source'
  | 'emailConsent'
  | 'smsConsent'
  | 'customFields'
  | 'archived'
  | 'visitCount'
  | 'totalSpend'
  | 'lastActivityAt'
  | 'createdAt';

/** The export's columns, in order; read-only ones are ignored when the file comes back. */
export const EXPORT_COLUMNS: { key: ExportKey; he: string; en: string; field: CsvField }[] = [
  { key: 'id', he: 'מזהה', en: 'ID', field: 'ignore' },
  { key: 'firstName', he: 'שם פרטי', en: 'First name', field: 'firstName' },
  { key: 'lastName', he: 'שם משפחה', en: 'Last name', field: 'lastName' },
  { key: 'phone', he: 'טלפון', en: 'Phone', field: 'phone' },
  { key: 'email', he: 'אימייל', en: 'Email', field: 'email' },
  { key: 'tags', he: 'תגיות', en: 'Tags', field: 'tags' },
  { key: 'notes', he: 'הערות', en: 'Notes', field: 'notes' },
  { key: 'address', he: 'כתובת', en: 'Address', field: 'address' },
  { key: 'birthday', he: 'תאריך לידה', en: 'Birthday', field: 'birthday' },
  { key: 'language', he: 'שפה', en: 'Language', field: 'language' },
  { key: 'source', he: 'מקור', en: 'Source', field: 'source' },
  { key: 'emailConsent', he: 'הסכמה לדיוור במייל', en: 'Email consent', field: 'emailConsent' },
  { key: 'smsConsent', he: 'הסכמה לדיוור ב-SMS', en: 'SMS consent', field: 'smsConsent' },
  { key: 'customFields', he: 'שדות נוספים', en: 'Custom fields', field: 'customFields' },
  { key: 'archived', he: 'בארכיון', en: 'Archived', field: 'ignore' },
  { key: 'visitCount', he: 'ביקורים', en: 'Visits', field: 'ignore' },
  { key: 'totalSpend', he: 'סך רכישות (₪)', en: 'Total spend (ILS)', field: 'ignore' },
  { key: 'lastActivityAt', he: 'פעילות אחרונה', en: 'Last activity', field: 'ignore' },
  { key: 'createdAt', he: 'נוצר', en: 'Created', field: 'ignore' },
];

/** Header spellings people use, Hebrew and English; compared after headerKey(). */
const SYNONYMS: Record<Exclude<CsvField, 'ignore' | `custom.${string}`>, string[]> = {
  firstName: ['first name', 'firstname', 'first', 'given name', 'שם פרטי', 'פרטי'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'שם משפחה', 'משפחה'],
  fullName: [
    'name',
    'full name',
    'customer name',
    'client name',
    'contact name',
    'שם',
    'שם מלא',
    'שם הלקוח',
    'שם לקוח',
    'שם הלקוחה',
    'לקוח',
  ],
  email: ['email', 'e-mail', 'email address', 'mail', 'אימייל', 'אי-מייל', 'מייל', 'דוא"ל', 'דואר אלקטרוני', 'כתובת מייל', 'כתובת אימייל'],
  phone: [
    'phone',
    'mobile',
    'cell',
    'cellphone',
    'phone number',
    'mobile phone',
    'telephone',
    'tel',
    'טלפון',
    'נייד',
    'טלפון נייד',
    'פלאפון',
    'סלולרי',
    'מספר טלפון',
    'טל',
  ],
  tags: ['tags', 'tag', 'labels', 'תגיות', 'תגית', 'תגים'],
  notes: ['notes', 'note', 'comments', 'הערות', 'הערה'],
  address: ['address', 'כתובת', 'כתובת מגורים'],
  birthday: ['birthday', 'birth date', 'date of birth', 'dob', 'תאריך לידה', 'יום הולדת'],
  language: ['language', 'lang', 'שפה'],
  source: ['source', 'lead source', 'מקור', 'מקור הגעה'],
  emailConsent: ['email consent', 'email marketing', 'email opt in', 'הסכמה לדיוור במייל', 'הסכמה לדיוור', 'הסכמה למייל', 'דיוור במייל'],
  smsConsent: [
    'sms consent',
    'sms marketing',
    'sms opt in',
    'הסכמה לדיוור ב-SMS',
    'הסכמה ל-SMS',
    'הסכמה להודעות',
    'הסכמה לסמס',
    'דיוור SMS',
  ],
  customFields: ['custom fields', 'שדות נוספים'],
};

/** How headers are compared: folded, without spaces or punctuation ("E-mail" = "email", 'דוא"ל' = "דואל"). */
export function headerKey(header: string): string {
  return foldText(header.replace(/^\uFEFF/, '')).replace(/[^\p{L}\p{N}]/gu, '');
}

const AUTO_FIELDS: Map<string, CsvField> = (() => {
  const map = new Map<string, CsvField>();
  for (const [field, names] of Object.entries(SYNONYMS)) for (const name of names) map.set(headerKey(name), field as CsvField);
  for (const col of EXPORT_COLUMNS) for (const label of [col.he, col.en]) map.set(headerKey(label), col.field);
  return map;
})();

/** The field a header feeds when no mapping names it, or null when unknown. */
export function autoField(header: string): CsvField | null {
  return AUTO_FIELDS.get(headerKey(header)) ?? null;
}

export function isCsvField(value: string): value is CsvField {
  return (CSV_FIELDS as readonly string[]).includes(value) || /^custom\.[\p{L}\p{N}_ .-]{1,50}$/u.test(value);
}

export interface ColumnProblem {
  field: string;
  message: string;
}

export interface ResolvedColumns {
  /** The field each column feeds (null: unknown header, ignored). */
  fields: (CsvField | null)[];
  /** Headers no rule recognised (ignored). */
  unknown: string[];
  problems: ColumnProblem[];
}

/**
 * Decides which field each column feeds: the explicit mapping first (by exact
 * header or by its folded form), then the known spellings. Reports mappings
 * naming missing headers, unknown fields, a field fed twice, and files with no
 * name or no phone/email column.
 */
export function resolveColumns(headers: string[], mapping: Record<string, string> = {}): ResolvedColumns {
  const problems: ColumnProblem[] = [];
  const explicit = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (typeof field !== 'string' || !isCsvField(field)) {
      problems.push({
        field: `mapping.${header}`,
        message: `"${String(field)}" is not a customer field (${CSV_FIELDS.join(', ')}, custom.<key>)`,
      });
      continue;
    }
    if (!headers.some((h) => h === header || headerKey(h) === headerKey(header))) {
      problems.push({ field: `mapping.${header}`, message: `the file has no column "${header}"` });
      continue;
    }
    explicit.set(headerKey(header), field);
  }
  const unknown: string[] = [];
  const fields = headers.map((h) => {
    const field = (explicit.get(headerKey(h)) as CsvField | undefined) ?? autoField(h);
    if (!field && h.trim()) unknown.push(h);
    return field;
  });
  const seen = new Map<string, string>();
  headers.forEach((h, i) => {
    const f = fields[i];
    if (!f || f === 'ignore') return;
    if (seen.has(f))
      problems.push({ field: 'file', message: `columns "${seen.get(f)}" and "${h}" both map to ${f}; map one of them to "ignore"` });
    else seen.set(f, h);
  });
  if (!seen.has('firstName') && !seen.has('fullName'))
    problems.push({ field: 'file', message: 'no name column (e.g. "שם פרטי", "שם", "First name")' });
  if (!seen.has('phone') && !seen.has('email'))
    problems.push({ field: 'file', message: 'no phone or email column (e.g. "טלפון", "אימייל", "Phone", "Email")' });
  return { fields, unknown, problems };
}
