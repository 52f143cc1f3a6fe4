import { CUSTOM_FIELD_KEY } from '../customer-field-rules';
import { FIELD_ENTRIES, IMPORT_FIELDS, type ImportField } from '../customer-fields';
import { foldText } from '../customer-search';
import { EXPORT_COLUMNS } from './export';

/** What a CSV column can feed. `custom.<key>` writes one custom field; `ignore` drops the column. */
export type CsvField = ImportField | 'ignore' | `custom.${string}`;
export const CSV_FIELDS: readonly CsvField[] = [...IMPORT_FIELDS, 'ignore'];

/** How headers are compared: folded, without spaces or punctuation ("E-mail" = "email", 'דוא"ל' = "דואל"). */
export function headerKey(header: string): string {
  return foldText(header.replace(/^\uFEFF/, '')).replace(/[^\p{L}\p{N}]/gu, '');
}

const AUTO_FIELDS: Map<string, CsvField> = (() => {
  const map = new Map<string, CsvField>();
  for (const [field, spec] of FIELD_ENTRIES) for (const name of spec.headers ?? []) map.set(headerKey(name), field as ImportField);
  for (const col of EXPORT_COLUMNS) for (const label of [col.he, col.en]) map.set(headerKey(label), col.field);
  return map;
})();

/** The field a header feeds when no mapping names it, or null when unknown. */
export function autoField(header: string): CsvField | null {
  return AUTO_FIELDS.get(headerKey(header)) ?? null;
}

export function isCsvField(value: string): value is CsvField {
  return (
    (CSV_FIELDS as readonly string[]).includes(value) ||
    (value.startsWith('custom.') && CUSTOM_FIELD_KEY.test(value.slice('custom.'.length)))
  );
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
