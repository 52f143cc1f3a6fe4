import { foldText } from '../customer-search';
import { parseEmail, parsePhone } from '../customer-contact';
import { PERSON_NAME, isCalendarDate } from '../dto/customer-validators';
import type { ColumnProblem, CsvField } from './columns';

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
