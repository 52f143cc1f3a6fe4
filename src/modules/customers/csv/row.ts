import { invalidPhoneMessage } from '../../../common/phone/is-phone.decorator';
import { parseEmail, parsePhone } from '../customer-contact';
import { FIELD_MESSAGES, TAG_SEPARATORS, isBirthday, isCustomFields, isPersonName } from '../customer-field-rules';
import { CUSTOMER_FIELDS, type FieldSpec, type ImportField } from '../customer-fields';
import { foldText } from '../customer-search';
import type { Customer } from '../entities/customer.entity';
import type { ColumnProblem, CsvField } from './columns';

type RowField = Exclude<ImportField, 'fullName'>;

/** One row's values; `undefined` means the cell was empty (the stored value is kept). */
export type ImportRow = { [F in RowField]?: NonNullable<Customer[F]> };

export interface ParsedRow {
  row: number;
  data: ImportRow;
  errors: ColumnProblem[];
}

const YES = new Set(['yes', 'y', 'true', '1', 'v', 'כן', 'מאשר', 'מאשרת', 'אישר', 'אישרה']);
const NO = new Set(['no', 'n', 'false', '0', 'x', 'לא', 'לא מאשר', 'לא מאשרת']);
const LANGUAGES = new Map(
  Object.entries(CUSTOMER_FIELDS.language.spellings).flatMap(([language, spellings]) => spellings.map((s) => [foldText(s), language])),
);
const FORMULA_ESCAPE = /^'(?=[=+\-@\t\r])/;

/** A cell's text: trimmed, and without the quote our export puts before formula-like text. */
export function cellText(raw: string | undefined): string {
  return (raw ?? '').trim().replace(FORMULA_ESCAPE, '');
}

/** `1990-04-12`, `12/04/1990`, `12.4.1990` (day first, as in Israel) → `1990-04-12`, or null. */
export function parseBirthday(value: string): string | null {
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  const iso = dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : value;
  return isBirthday(iso) ? iso : null;
}

function splitTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(TAG_SEPARATORS)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

function parseCustomFields(value: string): ImportRow['customFields'] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    return isCustomFields(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

const tooLong = (field: string, value: string, spec: FieldSpec) =>
  spec.maxLength !== undefined && value.length > spec.maxLength ? FIELD_MESSAGES.tooLong(field, spec.maxLength) : null;

/** A cell's value for its field, or why it is refused: the checks of the JSON API, with CSV's spellings read first. */
function readCell(field: RowField, value: string): { value: unknown } | { error: string } {
  const spec: FieldSpec = CUSTOMER_FIELDS[field];
  const refuse = (error: string | null) => (error ? { error } : null);
  switch (spec.kind) {
    case 'name':
      return refuse(isPersonName(value) ? tooLong(field, value, spec) : FIELD_MESSAGES.personName(field)) ?? { value };
    case 'text':
      return refuse(tooLong(field, value, spec)) ?? { value };
    case 'email': {
      const email = parseEmail(value);
      return email ? { value: email } : { error: FIELD_MESSAGES.email(field) };
    }
    case 'phone': {
      const phone = parsePhone(value);
      return phone ? { value: phone } : { error: invalidPhoneMessage(field) };
    }
    case 'tags': {
      const tags = splitTags(value);
      if (tags.length > CUSTOMER_FIELDS.tags.maxItems) return { error: FIELD_MESSAGES.tooManyTags(field) };
      if (tags.some((t) => t.length > CUSTOMER_FIELDS.tags.maxLength)) return { error: FIELD_MESSAGES.tagTooLong(field) };
      return { value: tags };
    }
    case 'birthday': {
      const birthday = parseBirthday(value);
      return birthday ? { value: birthday } : { error: FIELD_MESSAGES.birthday(field) };
    }
    case 'language': {
      const language = LANGUAGES.get(foldText(value));
      return language ? { value: language } : { error: FIELD_MESSAGES.oneOf(field, CUSTOMER_FIELDS.language.values) };
    }
    case 'consent': {
      const folded = foldText(value);
      if (YES.has(folded)) return { value: true };
      if (NO.has(folded)) return { value: false };
      return { error: `${field} must be yes/no (כן/לא)` };
    }
    case 'customFields': {
      const parsed = parseCustomFields(value);
      return parsed ? { value: parsed } : { error: FIELD_MESSAGES.customFields(field) };
    }
    default:
      throw new Error(`${field} (${spec.kind}) is not read from a CSV cell`);
  }
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
      const error = tooLong(field, value, CUSTOMER_FIELDS.customFields);
      if (error) fail(field, error);
      else data.customFields = { ...data.customFields, [field.slice('custom.'.length)]: value };
      return;
    }
    if (field === 'fullName') {
      fullName = value;
      return;
    }
    const read = readCell(field as RowField, value);
    if ('error' in read) fail(field, read.error);
    else if (field === 'customFields') data.customFields = { ...(read.value as ImportRow['customFields']), ...data.customFields };
    else (data as Record<string, unknown>)[field] = read.value;
  });

  if (fullName !== undefined && data.firstName === undefined && !errors.some((e) => e.field === 'firstName')) {
    const [first, ...rest] = fullName.split(/\s+/);
    const { maxLength } = CUSTOMER_FIELDS.fullName;
    if (!isPersonName(fullName) || fullName.length > maxLength) fail('fullName', FIELD_MESSAGES.personName('fullName'));
    else {
      data.firstName = first.slice(0, CUSTOMER_FIELDS.firstName.maxLength);
      if (rest.length && data.lastName === undefined) data.lastName = rest.join(' ').slice(0, CUSTOMER_FIELDS.lastName.maxLength);
    }
  }
  if (!data.phone && !data.email && !errors.some((e) => e.field === 'phone' || e.field === 'email'))
    fail('phone', FIELD_MESSAGES.contactRequired());
  return { row, data: errors.length ? {} : data, errors };
}
