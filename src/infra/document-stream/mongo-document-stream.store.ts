import { randomUUID } from 'node:crypto';
import { Connection, Model, Schema } from 'mongoose';
import type { ReportingPeriod } from '../../common/time/reporting-period';
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

interface StreamDoc {
  _id: string;
  businessId: string;
  at: Date;
  fields: StreamFields;
}

const schema = new Schema<StreamDoc>(
  {
    _id: { type: String, required: true },
    businessId: { type: String, required: true },
    at: { type: Date, required: true },
    fields: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);
schema.index({ businessId: 1, at: -1 });

const toDocument = (d: StreamDoc): StreamDocument => ({ id: d._id, businessId: d.businessId, at: d.at, fields: d.fields });

/**
 * One collection per stream (`stream_activity`, …), documents keyed by a uuid like
 * the PostgreSQL adapter. Built by the driver factory on a connection it opened.
 */
export class MongoDocumentStreamStore implements DocumentStreamStore {
  readonly kind = 'mongo' as const;
  private readonly models = new Map<StreamName, Model<StreamDoc>>();

  constructor(private readonly connection: Connection) {}

  private model(stream: StreamName): Model<StreamDoc> {
    let model = this.models.get(stream);
    if (!model) {
      model = this.connection.model<StreamDoc>(`Stream_${stream}`, schema, `stream_${stream}`);
      this.models.set(stream, model);
    }
    return model;
  }

  async append(stream: StreamName, businessId: string, at: Date, fields: StreamFields): Promise<StreamDocument> {
    const doc: StreamDoc = { _id: randomUUID(), businessId, at, fields };
    await this.model(stream).create(doc);
    return toDocument(doc);
  }

  async appendOnce(
    stream: StreamName,
    businessId: string,
    id: string,
    at: Date,
    fields: StreamFields,
  ): Promise<{ document: StreamDocument; created: boolean }> {
    const doc: StreamDoc = { _id: id, businessId, at, fields };
    const result = await this.model(stream).updateOne({ _id: id }, { $setOnInsert: doc }, { upsert: true });
    // Ours was written: it is what we hold, no read-back.
    if (result.upsertedCount > 0) return { document: toDocument(doc), created: true };
    const document = await this.findOne(stream, businessId, id);
    if (!document) throw new Error(`document ${id} exists in another business`);
    return { document, created: false };
  }

  async find(stream: StreamName, businessId: string, query: StreamQuery): Promise<{ items: StreamDocument[]; total: number }> {
    const filter: Record<string, unknown> = { businessId };
    for (const [key, value] of Object.entries(query.match ?? {})) filter[`fields.${key}`] = value;
    if (query.from || query.to) filter.at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) };
    const model = this.model(stream);
    const [items, total] = await Promise.all([
      model.find(filter).sort({ at: -1, _id: -1 }).skip(query.offset).limit(query.limit).lean<StreamDoc[]>(),
      model.countDocuments(filter),
    ]);
    return { items: items.map(toDocument), total };
  }

  async findOne(stream: StreamName, businessId: string, id: string): Promise<StreamDocument | null> {
    const doc = await this.model(stream).findOne({ _id: id, businessId }).lean<StreamDoc>();
    return doc ? toDocument(doc) : null;
  }

  async update(
    stream: StreamName,
    businessId: string,
    id: string,
    change: StreamChange,
    where: StreamCondition = {},
  ): Promise<StreamDocument | null> {
    const filter: Record<string, unknown> = { _id: id, businessId };
    for (const [key, value] of Object.entries(where)) filter[`fields.${key}`] = Array.isArray(value) ? { $in: value } : value;
    const prefixed = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([key, value]) => [`fields.${key}`, value]));
    const update: Record<string, unknown> = { $set: prefixed(change.set) };
    if (change.increment && Object.keys(change.increment).length) update.$inc = prefixed(change.increment);
    const doc = await this.model(stream).findOneAndUpdate(filter, update, { new: true }).lean<StreamDoc>();
    return doc ? toDocument(doc) : null;
  }

  async tally(stream: StreamName, businessId: string, period: ReportingPeriod, field: string): Promise<StreamTally[]> {
    if (!TALLY_FIELD.test(field)) throw new Error(`Not a field a tally groups by: ${field}`);
    const format = period.granularity === 'day' ? '%Y-%m-%d' : '%Y-%m-01';
    const groups = await this.model(stream).aggregate<{ _id: { bucket: string; value?: unknown }; count: number }>([
      { $match: { businessId, at: { $gte: period.from, $lt: period.to } } },
      {
        $group: {
          _id: { bucket: { $dateToString: { date: '$at', format, timezone: period.timeZone } }, value: `$fields.${field}` },
          count: { $sum: 1 },
        },
      },
    ]);
    return groups.map((g) => ({
      bucket: g._id.bucket,
      value: g._id.value === undefined || g._id.value === null ? null : String(g._id.value),
      count: g.count,
    }));
  }

  async ping(): Promise<void> {
    await this.connection.db?.admin().ping();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
