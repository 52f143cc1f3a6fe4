import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isDataError } from '../../common/database/pg-errors';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { JobName } from '../../infra/queue/job-names';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { resolveColumns } from './csv/columns';
import { CsvFormatError, CsvTable, decodeCsv, parseCsv } from './csv/read';
import { ParsedRow, parseRow } from './csv/row';
import { ChunkPlan, planChunk } from './customer-import.plan';
import { CustomerImportsRepository } from './customer-imports.repository';
import { CustomersRepository } from './customers.repository';
import type { CustomerImportStatusDto } from './dto/customer-import.dto';
import type { CustomerImport, CustomerImportReport } from './entities/customer-import.entity';

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Rows written per transaction (and per progress update). */
export const IMPORT_CHUNK_ROWS = 500;
const MAX_REPORTED_ERRORS = 1_000;

export interface UploadedCsv {
  buffer: Buffer;
  originalname?: string;
  size: number;
}

const emptyReport = (): CustomerImportReport => ({ created: 0, updated: 0, skipped: 0, failed: 0, errors: [] });

function addToReport(
  report: CustomerImportReport,
  plan: Pick<ChunkPlan, 'created' | 'updated' | 'skipped' | 'failed' | 'errors'>,
): CustomerImportReport {
  return {
    created: report.created + plan.created,
    updated: report.updated + plan.updated,
    skipped: report.skipped + plan.skipped,
    failed: report.failed + plan.failed,
    errors: [...report.errors, ...plan.errors].slice(0, MAX_REPORTED_ERRORS),
  };
}

export const toImportStatusDto = (i: CustomerImport): CustomerImportStatusDto => ({
  jobId: i.id,
  status: i.status,
  fileName: i.fileName,
  progress: { done: i.doneRows, total: i.totalRows },
  report: { ...emptyReport(), ...i.report },
  failureReason: i.failureReason,
  createdAt: i.createdAt,
  startedAt: i.startedAt,
  finishedAt: i.finishedAt,
});

/**
 * CSV imports: the upload is checked (UTF-8, header, row count, mapping) and
 * stored in PostgreSQL, then a job writes it in chunks of rows, each chunk one
 * transaction that also commits the progress and the report, so a retried
 * job resumes exactly where the last attempt stopped.
 */
@Injectable()
export class CustomerImportService {
  private readonly logger = new Logger('CustomerImport');

  constructor(
    private readonly imports: CustomerImportsRepository,
    private readonly customers: CustomersRepository,
    private readonly tx: TransactionRunner,
    private readonly queue: JobQueueService,
    private readonly events: DomainEvents,
  ) {}

  async start(
    businessId: string,
    file: UploadedCsv | undefined,
    mappingJson: string | undefined,
    userId: string | null,
  ): Promise<{ jobId: string }> {
    if (!file || !file.size)
      throw new AppException(HttpStatus.BAD_REQUEST, 'customer_import.file_required', 'Attach the CSV file as "file"', [
        { field: 'file', message: 'file is required' },
      ]);
    const mapping = this.parseMapping(mappingJson);
    const table = this.readTable(file.buffer);
    if (table.rows.length > MAX_IMPORT_ROWS) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        'customer_import.too_many_rows',
        `The file has ${table.rows.length} rows; the limit is ${MAX_IMPORT_ROWS}`,
        [{ field: 'file', message: `at most ${MAX_IMPORT_ROWS} rows` }],
      );
    }
    const columns = resolveColumns(table.headers, mapping ?? {});
    if (columns.problems.length) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        'customer_import.columns',
        'The columns of the file cannot be mapped to customer fields',
        columns.problems,
      );
    }
    const row = await this.imports.insert(businessId, {
      status: 'queued',
      fileName: file.originalname?.slice(0, 255) ?? null,
      file: file.buffer,
      mapping,
      totalRows: table.rows.length,
      doneRows: 0,
      report: emptyReport(),
      failureReason: null,
      createdByUserId: userId,
      startedAt: null,
      finishedAt: null,
    });
    try {
      await this.queue.enqueue(JobName.ImportCustomers, { businessId, importId: row.id }, { jobId: row.id });
    } catch (err) {
      await this.imports.setStatus(businessId, row.id, 'failed', {
        failureReason: 'The import could not be queued',
        finishedAt: new Date(),
      });
      throw err;
    }
    return { jobId: row.id };
  }

  async status(businessId: string, id: string): Promise<CustomerImportStatusDto> {
    const found = await this.imports.findById(businessId, id);
    if (!found) throw new NotFoundAppException('customer_import', id);
    return toImportStatusDto(found);
  }

  /** The job's work. Throws on infrastructure failures so the queue retries; row problems go to the report. */
  async run(businessId: string, importId: string, opts: { lastAttempt: boolean }): Promise<CustomerImportReport | null> {
    const imp = await this.imports.findWithFile(businessId, importId);
    if (!imp) {
      this.logger.warn(`Import ${importId} of business ${businessId} no longer exists`);
      return null;
    }
    if (imp.status === 'completed' || imp.status === 'failed') return imp.report;
    try {
      if (imp.status === 'queued') await this.imports.setStatus(businessId, importId, 'running', { startedAt: new Date() });
      const table = parseCsv(decodeCsv(imp.file!));
      const columns = resolveColumns(table.headers, imp.mapping ?? {});
      if (columns.problems.length) throw new Error(columns.problems.map((p) => p.message).join('; '));
      let report: CustomerImportReport = { ...emptyReport(), ...imp.report };
      for (let start = imp.doneRows; start < table.rows.length; start += IMPORT_CHUNK_ROWS) {
        const rows = table.rows.slice(start, start + IMPORT_CHUNK_ROWS).map((r) => parseRow(r.row, r.cells, columns.fields));
        report = await this.applyChunk(businessId, importId, rows, start, report);
      }
      await this.imports.setStatus(businessId, importId, 'completed', { finishedAt: new Date(), totalRows: table.rows.length });
      this.events.emit('customer_import.finished', {
        businessId,
        importId,
        status: 'completed',
        created: report.created,
        updated: report.updated,
        skipped: report.skipped,
        errors: report.failed,
      });
      return report;
    } catch (err) {
      const permanent = err instanceof CsvFormatError;
      if (opts.lastAttempt || permanent) {
        const failureReason = permanent ? err.message : 'The import stopped on an internal error; rows imported so far are kept';
        await this.imports.setStatus(businessId, importId, 'failed', { finishedAt: new Date(), failureReason });
        const r = (await this.imports.findById(businessId, importId))?.report ?? emptyReport();
        this.events.emit('customer_import.finished', {
          businessId,
          importId,
          status: 'failed',
          created: r.created,
          updated: r.updated,
          skipped: r.skipped,
          errors: r.failed,
        });
      }
      if (permanent) return null;
      throw err;
    }
  }

  /** One transaction for the chunk; if it fails on the data, each row alone, so one bad row never stops the rest. */
  private async applyChunk(
    businessId: string,
    importId: string,
    rows: ParsedRow[],
    start: number,
    report: CustomerImportReport,
  ): Promise<CustomerImportReport> {
    try {
      return await this.tx.run((em) => this.writeRows(em, businessId, importId, rows, start + rows.length, report));
    } catch (err) {
      if (!isDataError(err)) throw err;
    }
    let current = report;
    for (let i = 0; i < rows.length; i++) current = await this.applyRow(businessId, importId, rows[i], start + i + 1, current);
    return current;
  }

  private async applyRow(
    businessId: string,
    importId: string,
    row: ParsedRow,
    doneAfter: number,
    report: CustomerImportReport,
  ): Promise<CustomerImportReport> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        return await this.tx.run((em) => this.writeRows(em, businessId, importId, [row], doneAfter, report));
      } catch (err) {
        if (!isDataError(err)) throw err;
        // A concurrent writer took the phone/email: the second attempt re-reads and updates it.
        if (attempt === 0) continue;
        this.logger.warn(`Import ${importId} row ${row.row}: ${(err as Error).message}`);
      }
    }
    const next = addToReport(report, {
      created: 0,
      updated: 0,
      skipped: 0,
      failed: 1,
      errors: [{ row: row.row, field: null, message: 'the row could not be saved' }],
    });
    await this.imports.saveProgress(businessId, importId, doneAfter, next);
    return next;
  }

  private async writeRows(
    em: EntityManager,
    businessId: string,
    importId: string,
    rows: ParsedRow[],
    doneAfter: number,
    report: CustomerImportReport,
  ): Promise<CustomerImportReport> {
    const customers = this.customers.withManager(em);
    const phones = [...new Set(rows.flatMap((r) => (r.data.phone ? [r.data.phone] : [])))];
    const emails = [...new Set(rows.flatMap((r) => (r.data.email ? [r.data.email] : [])))];
    const existing = await customers.findByContacts(businessId, phones, emails);
    const plan = planChunk(rows, existing, new Date());
    await customers.insertMany(businessId, plan.inserts);
    for (const u of plan.updates) await customers.updateFields(businessId, u.id, u.changes);
    const next = addToReport(report, plan);
    await this.imports.withManager(em).saveProgress(businessId, importId, doneAfter, next);
    return next;
  }

  private readTable(bytes: Buffer): CsvTable {
    try {
      return parseCsv(decodeCsv(bytes));
    } catch (err) {
      if (err instanceof CsvFormatError)
        throw new AppException(HttpStatus.BAD_REQUEST, 'customer_import.invalid_file', `The file cannot be read: ${err.message}`, [
          { field: 'file', message: err.message },
        ]);
      throw err;
    }
  }

  private parseMapping(json: string | undefined): Record<string, string> | null {
    if (json === undefined || json.trim() === '') return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
      throw new AppException(HttpStatus.BAD_REQUEST, 'customer_import.mapping', 'mapping must be a JSON object of "CSV header": "field"', [
        { field: 'mapping', message: 'mapping must be a JSON object of "CSV header": "field"' },
      ]);
    }
    return parsed as Record<string, string>;
  }
}
