import { parse } from 'csv-parse/sync';
import { foldText } from './customer-search';
import { parseEmail, parsePhone } from './customer-contact';
import { PERSON_NAME, isCalendarDate } from './dto/customer-validators';

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

export class CsvFormatError extends Error {}

/** UTF-8 (with or without BOM) to text; other encodings are refused rather than garbled. */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvFormatError('the file is not UTF-8 text (in Excel: Save As → "CSV UTF-8")');
  }
}

/** Comma, semicolon or tab: whichever the header line uses most (Excel's separator depends on locale). */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0].n > 0 ? counts[0].d : ',';
}

export interface CsvTable {
  headers: string[];
  /** Data rows that are not blank, with their spreadsheet row number (the header is row 1). */
  rows: { row: number; cells: string[] }[];
}

export function parseCsv(text: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    throw new CsvFormatError(`the file is not valid CSV: ${(err as Error).message}`);
  }
  if (!records.length || records[0].every((h) => !h.trim())) throw new CsvFormatError('the file is empty (it needs a header row)');
  const headers = records[0].map((h) => h.replace(/^\uFEFF/, '').trim());
  const rows: CsvTable['rows'] = [];
  for (let i = 1; i < records.length; i++) {
    if (records[i].some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells: records[i] });
  }
  return { headers, rows };
}

/** One row's values; `undefined` means the cell was empty (the stored value is kept). */
export interface ImportRow {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  tags?: string[];
  notes?: string;
  address?: string;
  birthday?: string;
  language?: 'he' | 'en';
  source?: string;
  emailConsent?: boolean;
  smsConsent?: boolean;
  customFields?: Record<string, string | number | boolean | null>;
}

export interface ParsedRow {
  row: number;
  data: ImportRow;
  errors: ColumnProblem[];
}

const YES = new Set(['yes', 'y', 'true', '1', 'v', 'כן', 'מאשר', 'מאשרת', 'אישר', 'אישרה']);
const NO = new Set(['no', 'n', 'false', '0', 'x', 'לא', 'לא מאשר', 'לא מאשרת']);
const LANGUAGES: Record<string, 'he' | 'en'> = {
  he: 'he',
  heb: 'he',
  hebrew: 'he',
  עברית: 'he',
  en: 'en',
  eng: 'en',
  english: 'en',
  אנגלית: 'en',
};
const FORMULA_ESCAPE = /^'(?=[=+\-@\t\r])/;
const LIMITS: Partial<Record<keyof ImportRow, number>> = { firstName: 100, lastName: 100, notes: 5000, address: 300, source: 60 };

/** A cell's text: trimmed, and without the quote our export puts before formula-like text. */
export function cellText(raw: string | undefined): string {
  return (raw ?? '').trim().replace(FORMULA_ESCAPE, '');
}

/** `1990-04-12`, `12/04/1990`, `12.4.1990` (day first, as in Israel) → `1990-04-12`, or null. */
export function parseBirthday(value: string): string | null {
  let iso = value;
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (dmy) iso = `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  if (!isCalendarDate(iso) || iso < '1900-01-01' || iso > new Date().toISOString().slice(0, 10)) return null;
  return iso;
}

export function splitTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,;|]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** Reads one data row through the resolved columns, collecting every field error. */
export function parseRow(row: number, cells: string[], fields: (CsvField | null)[]): ParsedRow {
  const data: ImportRow = {};
  const errors: ColumnProblem[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  let fullName: string | undefined;

  fields.forEach((field, i) => {
    if (!field || field === 'ignore') return;
    const value = cellText(cells[i]);
    if (!value) return;
    if (field.startsWith('custom.')) {
      const key = field.slice('custom.'.length);
      if (value.length > 500) fail(field, `${field} must be at most 500 characters`);
      else data.customFields = { ...data.customFields, [key]: value };
      return;
    }
    switch (field) {
      case 'firstName':
      case 'lastName':
        if (!PERSON_NAME.test(value)) fail(field, `${field} must be written in Hebrew or Latin letters`);
        else if (value.length > 100) fail(field, `${field} must be at most 100 characters`);
        else data[field] = value;
        return;
      case 'fullName':
        fullName = value;
        return;
      case 'email': {
        const email = parseEmail(value);
        if (!email) fail('email', 'email must be an email');
        else data.email = email;
        return;
      }
      case 'phone': {
        const phone = parsePhone(value);
        if (!phone) fail('phone', 'phone must be a valid phone number (e.g. 050-1234567 or +972501234567)');
        else data.phone = phone;
        return;
      }
      case 'tags': {
        const tags = splitTags(value);
        if (tags.length > 50 || tags.some((t) => t.length > 50)) fail('tags', 'tags: at most 50 tags of at most 50 characters');
        else data.tags = tags;
        return;
      }
      case 'notes':
      case 'address':
      case 'source':
        if (value.length > (LIMITS[field] ?? Infinity)) fail(field, `${field} must be at most ${LIMITS[field]} characters`);
        else data[field] = value;
        return;
      case 'birthday': {
        const birthday = parseBirthday(value);
        if (!birthday) fail('birthday', 'birthday must be a past date (YYYY-MM-DD or DD/MM/YYYY)');
        else data.birthday = birthday;
        return;
      }
      case 'language': {
        const language = LANGUAGES[foldText(value)];
        if (!language) fail('language', 'language must be he or en');
        else data.language = language;
        return;
      }
      case 'emailConsent':
      case 'smsConsent': {
        const folded = foldText(value);
        if (YES.has(folded)) data[field] = true;
        else if (NO.has(folded)) data[field] = false;
        else fail(field, `${field} must be yes/no (כן/לא)`);
        return;
      }
      case 'customFields': {
        const parsed = parseCustomFields(value);
        if (!parsed) fail('customFields', 'customFields must be a JSON object of text, numbers, booleans or null');
        else data.customFields = { ...parsed, ...data.customFields };
        return;
      }
    }
  });

  if (fullName !== undefined && data.firstName === undefined && !errors.some((e) => e.field === 'firstName')) {
    const [first, ...rest] = fullName.split(/\s+/);
    if (!PERSON_NAME.test(fullName) || fullName.length > 200) fail('fullName', 'fullName must be written in Hebrew or Latin letters');
    else {
      data.firstName = first.slice(0, 100);
      if (rest.length && data.lastName === undefined) data.lastName = rest.join(' ').slice(0, 100);
    }
  }
  if (!data.phone && !data.email && !errors.some((e) => e.field === 'phone' || e.field === 'email'))
    fail('phone', 'phone or email is required');
  return { row, data: errors.length ? {} : data, errors };
}

function parseCustomFields(value: string): Record<string, string | number | boolean | null> | null {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.length > 50) return null;
    for (const [k, v] of entries) {
      if (!/^[\p{L}\p{N}_ .-]{1,50}$/u.test(k)) return null;
      if (!(
        v === null ||
        typeof v === 'boolean' ||
        (typeof v === 'number' && Number.isFinite(v)) ||
        (typeof v === 'string' && v.length <= 500)
      ))
        return null;
    }
    return parsed as Record<string, string | number | boolean | null>;
  } catch {
    return null;
  }
}

/** Excel runs cells that start with = + - @ as formulas: such text leaves with a leading quote. */
export function exportCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
