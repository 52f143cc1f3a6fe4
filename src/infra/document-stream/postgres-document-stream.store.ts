import { Repository } from 'typeorm';
import { isUuid } from '../../common/validation/uuid';
import type { DocumentStreamStore, StreamDocument, StreamFields, StreamName, StreamQuery } from './document-stream.port';
import { StreamDocumentRow } from './stream-document.entity';

const toDocument = (row: StreamDocumentRow): StreamDocument => ({
  id: row.id,
  businessId: row.businessId,
  at: row.at,
  fields: row.fields as StreamFields,
});

/** The streams in one jsonb table (`stream_documents`). Built by the driver factory. */
export class PostgresDocumentStreamStore implements DocumentStreamStore {
  readonly kind = 'postgres' as const;

  constructor(private readonly repo: Repository<StreamDocumentRow>) {}

  async append(stream: StreamName, businessId: string, at: Date, fields: StreamFields): Promise<StreamDocument> {
    // An insert, not `save`: one statement, where `save` wraps it in a transaction of its own (three round trips).
    const row = this.repo.create({ stream, businessId, at, fields });
    await this.repo.insert(row as never); // fills in row.id
    return toDocument(row);
  }

  async appendOnce(
    stream: StreamName,
    businessId: string,
    id: string,
    at: Date,
    fields: StreamFields,
  ): Promise<{ document: StreamDocument; created: boolean }> {
    const inserted = await this.repo
      .createQueryBuilder()
      .insert()
      .values({ id, stream, businessId, at, fields: fields as never })
      .orIgnore()
      .returning('id')
      .execute();
    const document = await this.findOne(stream, businessId, id);
    if (!document) throw new Error(`document ${id} exists in another stream or business`);
    return { document, created: (inserted.raw as unknown[]).length > 0 };
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
    const row = await this.repo.findOneBy({ id, businessId, stream });
    return row ? toDocument(row) : null;
  }

  async update(
    stream: StreamName,
    businessId: string,
    id: string,
    set: StreamFields,
    where: StreamFields = {},
  ): Promise<StreamDocument | null> {
    if (!isUuid(id)) return null;
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [{ id: string; business_id: string; at: Date; fields: StreamFields }[], number] = await this.repo.query(
      `UPDATE stream_documents SET fields = fields || $4::jsonb
        WHERE id = $1 AND business_id = $2 AND stream = $3 AND fields @> $5::jsonb
        RETURNING id, business_id, at, fields`,
      [id, businessId, stream, JSON.stringify(set), JSON.stringify(where)],
    );
    const row = rows[0];
    return row ? { id: row.id, businessId: row.business_id, at: row.at, fields: row.fields } : null;
  }

  async ping(): Promise<void> {
    await this.repo.query('SELECT 1');
  }
}
