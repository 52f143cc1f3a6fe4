import { parse } from 'csv-parse/sync';

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
