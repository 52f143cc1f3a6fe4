import { stringify } from 'csv-stringify/sync';
import { exportCell } from '../../../common/text/csv-cell';
import { FIELD_ENTRIES, type ExportColumnKey, type ImportField } from '../customer-fields';
import type { Customer } from '../entities/customer.entity';
import type { CsvField } from './columns';

/** The export's columns, in the field table's order; read-only ones are ignored when the file comes back. */
export const EXPORT_COLUMNS: { key: ExportColumnKey; he: string; en: string; field: CsvField }[] = FIELD_ENTRIES.flatMap(([name, f]) =>
  f.export
    ? [{ key: name as ExportColumnKey, he: f.export.he, en: f.export.en, field: f.kind === 'readOnly' ? 'ignore' : (name as ImportField) }]
    : [],
);

const BOM = '\uFEFF';
/**
 * CRLF records; a field with a line break of either kind is quoted too
 * (csv-stringify quotes only the record delimiter itself, so a bare LF in
 * multi-line notes would split the record for Excel and Python's csv).
 */
const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;
const YES_NO = { he: ['כן', 'לא'], en: ['yes', 'no'] } as const;

/** One customer's cells, in the order of EXPORT_COLUMNS. */
function exportRow(c: Customer, lang: 'he' | 'en'): string[] {
  const yesNo = (v: boolean) => (v ? YES_NO[lang][0] : YES_NO[lang][1]);
  const values: Record<ExportColumnKey, string> = {
    id: c.id,
    firstName: exportCell(c.firstName),
    lastName: exportCell(c.lastName ?? ''),
    phone: c.phone ?? '',
    email: exportCell(c.email ?? ''),
    tags: exportCell(c.tags.join(', ')),
    notes: exportCell(c.notes ?? ''),
    address: exportCell(c.address ?? ''),
    birthday: c.birthday ?? '',
    language: c.language,
    source: exportCell(c.source),
    emailConsent: yesNo(c.emailConsent),
    smsConsent: yesNo(c.smsConsent),
    customFields: Object.keys(c.customFields).length ? JSON.stringify(c.customFields) : '',
    archived: yesNo(c.archivedAt !== null),
    visitCount: String(c.visitCount),
    totalSpend: (c.totalSpendAgorot / 100).toFixed(2),
    lastActivityAt: c.lastActivityAt?.toISOString() ?? '',
    createdAt: c.createdAt.toISOString(),
  };
  return EXPORT_COLUMNS.map((col) => values[col.key]);
}

/** The file's first chunk: a BOM (so Excel shows Hebrew) and the header line in the chosen language. */
export function exportHeader(lang: 'he' | 'en'): string {
  return BOM + stringify([EXPORT_COLUMNS.map((c) => c[lang])], CSV_OPTIONS);
}

/** Customers as CSV lines. */
export function exportLines(customers: Customer[], lang: 'he' | 'en'): string {
  return stringify(
    customers.map((c) => exportRow(c, lang)),
    CSV_OPTIONS,
  );
}
