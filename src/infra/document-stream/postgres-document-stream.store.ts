import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { type ReportingPeriod, sqlBucket } from '../../common/time/reporting-period';
import { isUuid } from '../../common/validation/uuid';
import {
  type DocumentStreamStore,
  type StreamChange,
  type StreamCondition,
  type StreamDocument,
  type StreamFields,
  type StreamName,
  type StreamQuery,
  type StreamTally,
  TALLY_FIELD,
} from './document-stream.port';
import { StreamDocumentRow } from './stream-document.entity';

const toDocument = (row: StreamDocumentRow): StreamDocument => ({
  id: row.id,
  businessId: row.businessId,
  at: row.at,
  fields: row.fields as StreamFields,
});

/** A row as PostgreSQL returns it to raw SQL (`RETURNING`, `SELECT`). */
interface RawRow {
  id: string;
  business_id: string;
  at: Date;
  fields: StreamFields;
}
const fromRaw = (row: RawRow): StreamDocument => ({ id: row.id, businessId: row.business_id, at: row.at, fields: row.fields });

/**
 * The streams in one jsonb table (`stream_documents`). Built by the driver factory.
 * The per-document writes and reads are one statement each (no transaction
 * around a single INSERT, no read-back after it): a message costs its send
 * job a handful of round trips, and each one counts at thousands a second.
 */
export class PostgresDocumentStreamStore implements DocumentStreamStore {
  readonly kind = 'postgres' as const;

  constructor(private readonly repo: Repository<StreamDocumentRow>) {}

  async append(stream: StreamName, businessId: string, at: Date, fields: StreamFields): Promise<StreamDocument> {
    const rows: RawRow[] = await this.repo.query(
      `INSERT INTO stream_documents (id, business_id, stream, at, fields) VALUES ($1, $2, $3, $4, $5::jsonb)
       RETURNING id, business_id, at, fields`,
      [randomUUID(), businessId, stream, at, JSON.stringify(fields)],
    );
    return fromRaw(rows[0]);
  }

  async appendOnce(
    stream: StreamName,
    businessId: string,
    id: string,
    at: Date,
    fields: StreamFields,
  ): Promise<{ document: StreamDocument; created: boolean }> {
    const inserted: RawRow[] = await this.repo.query(
      `INSERT INTO stream_documents (id, business_id, stream, at, fields) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (id) DO NOTHING
       RETURNING id, business_id, at, fields`,
      [id, businessId, stream, at, JSON.stringify(fields)],
    );
    if (inserted.length) return { document: fromRaw(inserted[0]), created: true };
    const document = await this.findOne(stream, businessId, id);
    if (!document) throw new Error(`document ${id} exists in another stream or business`);
    return { document, created: false };
  }

  async find(stream: StreamName, businessId: string, query: StreamQuery): Promise<{ items: StreamDocument[]; total: number }> {
    const qb = this.repo.createQueryBuilder('d').where('d.business_id = :businessId AND d.stream = :stream', { businessId, stream });
    if (query.match && Object.keys(query.match).length) qb.andWhere('d.fields @> :match::jsonb', { match: JSON.stringify(query.match) });
    if (query.from) qb.andWhere('d.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('d.at <= :to', { to: query.to });
    const [rows, total] = await qb
      .orderBy('d.at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return { items: rows.map(toDocument), total };
  }

  async findOne(stream: StreamName, businessId: string, id: string): Promise<StreamDocument | null> {
    if (!isUuid(id)) return null;
    const rows: RawRow[] = await this.repo.query(
      'SELECT id, business_id, at, fields FROM stream_documents WHERE id = $1 AND business_id = $2 AND stream = $3',
      [id, businessId, stream],
    );
    return rows.length ? fromRaw(rows[0]) : null;
  }

  async update(
    stream: StreamName,
    businessId: string,
    id: string,
    change: StreamChange,
    where: StreamCondition = {},
  ): Promise<StreamDocument | null> {
    if (!isUuid(id)) return null;
    const equal: StreamFields = {};
    const oneOf: Record<string, readonly unknown[]> = {};
    for (const [key, value] of Object.entries(where)) {
      if (Array.isArray(value)) oneOf[key] = value as readonly unknown[];
      else equal[key] = value as StreamFields[string];
    }
    const params: unknown[] = [id, businessId, stream, JSON.stringify(change.set), JSON.stringify(equal)];
    const param = (value: unknown) => `$${params.push(value)}`;
    // Plain expressions on the row, no subqueries: a concurrent update makes
    // PostgreSQL re-check them on the row's newest version (compare-and-set).
    let set = 'fields || $4::jsonb';
    for (const [key, by] of Object.entries(change.increment ?? {}))
      set += ` || jsonb_build_object(${param(key)}::text, COALESCE((fields ->> ${param(key)}::text)::numeric, 0) + ${param(by)}::numeric)`;
    let condition = 'fields @> $5::jsonb';
    // A scalar is contained in an array holding it: "queued" <@ ["queued","sending"]; a missing field is not.
    for (const [key, allowed] of Object.entries(oneOf))
      condition += ` AND fields -> ${param(key)}::text <@ ${param(JSON.stringify(allowed))}::jsonb`;
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [RawRow[], number] = await this.repo.query(
      `UPDATE stream_documents SET fields = ${set}
        WHERE id = $1 AND business_id = $2 AND stream = $3 AND ${condition}
        RETURNING id, business_id, at, fields`,
      params,
    );
    return rows.length ? fromRaw(rows[0]) : null;
  }

  async tally(stream: StreamName, businessId: string, period: ReportingPeriod, field: string): Promise<StreamTally[]> {
    if (!TALLY_FIELD.test(field)) throw new Error(`Not a field a tally groups by: ${field}`);
    return this.repo.query(
      `SELECT ${sqlBucket('at', '$5', '$6')} AS bucket, fields->>$7 AS value, count(*)::int AS count
         FROM stream_documents WHERE business_id = $1 AND stream = $2 AND at >= $3 AND at < $4
        GROUP BY 1, 2`,
      [businessId, stream, period.from, period.to, period.granularity, period.timeZone, field],
    );
  }

  async ping(): Promise<void> {
    await this.repo.query('SELECT 1');
  }
}
