import type { ReportingPeriod } from '../../common/time/reporting-period';

/**
 * Streams of documents (activity log, message log, analytics events): appended,
 * listed newest first, and updated by compare-and-set (a message's status). Served by PostgreSQL or MongoDB as
 * DOCUMENT_STREAM_DRIVER says; both adapters pass the same contract tests.
 */
export const DOCUMENT_STREAM_STORE = Symbol('DOCUMENT_STREAM_STORE');

/** `webhook_events`: provider events already applied (SendGrid's event ids), so a redelivery applies once. */
export type StreamName = 'activity' | 'messages' | 'analytics' | 'webhook_events';

/** Flat fields only: equality filters match them exactly. */
export type StreamFields = Record<string, string | number | boolean | null>;

/** What an update expects of a document: each field equal to a value, or (a list) to one of several. */
export type StreamCondition = Record<string, StreamFields[string] | readonly (string | number | boolean)[]>;

/** An update: fields to set, and numeric fields to add to (a missing one counts from 0). */
export interface StreamChange {
  set: StreamFields;
  increment?: Record<string, number>;
}

export interface StreamDocument<F extends StreamFields = StreamFields> {
  id: string;
  businessId: string;
  at: Date;
  fields: F;
}

export interface StreamQuery {
  /** Exact matches on fields. */
  match?: StreamFields;
  from?: Date;
  to?: Date;
  offset: number;
  limit: number;
}

/** One group of a tally: the bucket (the local date its day or month starts on) and the field's value (null when absent). */
export interface StreamTally {
  bucket: string;
  value: string | null;
  count: number;
}

/** A field name a tally may group by: plain letters, digits and underscores. */
export const TALLY_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export interface DocumentStreamStore {
  readonly kind: 'postgres' | 'mongo';
  append(stream: StreamName, businessId: string, at: Date, fields: StreamFields): Promise<StreamDocument>;
  /**
   * Appends a document under a caller-chosen id unless one with that id exists
   * (a retried or duplicated write stores it once); the stored document either way.
   */
  appendOnce(
    stream: StreamName,
    businessId: string,
    id: string,
    at: Date,
    fields: StreamFields,
  ): Promise<{ document: StreamDocument; created: boolean }>;
  /** Newest first. */
  find(stream: StreamName, businessId: string, query: StreamQuery): Promise<{ items: StreamDocument[]; total: number }>;
  findOne(stream: StreamName, businessId: string, id: string): Promise<StreamDocument | null>;
  /**
   * Changes one document if its current fields match `where` (a
   * compare-and-set: of concurrent updates expecting the same state, one
   * wins), in one round trip; the updated document, or null when none matched.
   */
  update(stream: StreamName, businessId: string, id: string, change: StreamChange, where?: StreamCondition): Promise<StreamDocument | null>;
  /**
   * Counts the documents with `at` in `[period.from, period.to)` per bucket
   * of the period (day or month in its time zone) and value of `field`,
   * in the database (an aggregation, never a read of the documents).
   */
  tally(stream: StreamName, businessId: string, period: ReportingPeriod, field: string): Promise<StreamTally[]>;
  ping(): Promise<void>;
}
