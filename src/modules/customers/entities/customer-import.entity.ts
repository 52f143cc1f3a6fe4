import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';

export type CustomerImportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface CustomerImportRowError {
  /** 1-based data row number (the header is row 0). */
  row: number;
  field: string | null;
  message: string;
}

export interface CustomerImportReport {
  created: number;
  updated: number;
  skipped: number;
  /** Rows not imported because of errors. */
  failed: number;
  /** The first MAX_REPORTED_ERRORS errors. */
  errors: CustomerImportRowError[];
}

/**
 * One CSV import: the uploaded bytes live here (not in memory or on a worker's
 * disk), and progress and the report are committed with each chunk of rows,
 * so a retried job resumes where the last one stopped.
 */
@Entity('customer_imports')
export class CustomerImport extends TenantEntity {
  @Column('varchar', { length: 16, default: 'queued' })
  status: CustomerImportStatus;

  @Column('varchar', { length: 255, nullable: true })
  fileName: string | null;

  @Column('bytea', { select: false })
  file?: Buffer;

  /** Explicit `{ "csv header": "field" }` mapping given with the upload, if any. */
  @Column('jsonb', { nullable: true })
  mapping: Record<string, string> | null;

  @Column('integer', { default: 0 })
  totalRows: number;

  @Column('integer', { default: 0 })
  doneRows: number;

  @Column('jsonb')
  report: CustomerImportReport;

  @Column('text', { nullable: true })
  failureReason: string | null;

  @Column('uuid', { nullable: true })
  createdByUserId: string | null;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
