import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotFoundAppException } from '../../common/problem/app.exception';
import {
  DOCUMENT_STREAM_STORE,
  type DocumentStreamStore,
  type StreamDocument,
  type StreamFields,
} from '../../infra/document-stream/document-stream.port';
import type { ActivityEntry, NewActivity } from './activity.types';
import type { ActivityQueryDto } from './dto/activity-query.dto';

const STREAM = 'activity';

function toEntry(doc: StreamDocument): ActivityEntry {
  const f = doc.fields;
  const str = (k: string) => (f[k] === null || f[k] === undefined ? null : String(f[k]));
  return {
    id: doc.id,
    businessId: doc.businessId,
    at: doc.at,
    actorType: (str('actorType') ?? 'system') as ActivityEntry['actorType'],
    actorId: str('actorId'),
    actorName: str('actorName'),
    action: String(f.action),
    entityType: String(f.entityType),
    entityId: str('entityId'),
    customerId: str('customerId'),
    summary: String(f.summary ?? ''),
    ip: str('ip'),
    requestId: str('requestId'),
  };
}

/** The business's activity log, kept in the `activity` document stream. */
@Injectable()
export class ActivityService {
  private readonly logger = new Logger('Activity');

  constructor(@Inject(DOCUMENT_STREAM_STORE) private readonly store: DocumentStreamStore) {}

  async record(entry: NewActivity): Promise<void> {
    const { businessId, at, ...fields } = entry;
    await this.store.append(STREAM, businessId, at ?? new Date(), fields as StreamFields);
  }

  /** Recording must never fail the request it describes: errors are logged. */
  recordQuietly(entry: NewActivity): Promise<void> {
    return this.record(entry).catch((err: Error) => this.logger.error(`Could not record ${entry.action}: ${err.message}`));
  }

  async list(businessId: string, query: ActivityQueryDto): Promise<{ items: ActivityEntry[]; total: number }> {
    const match: StreamFields = {};
    if (query.entityType) match.entityType = query.entityType;
    if (query.entityId) match.entityId = query.entityId;
    if (query.actorId) match.actorId = query.actorId;
    if (query.action) match.action = query.action;
    if (query.customerId) match.customerId = query.customerId;
    const { items, total } = await this.store.find(STREAM, businessId, {
      match,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      offset: query.offset,
      limit: query.limit,
    });
    return { items: items.map(toEntry), total };
  }

  async get(businessId: string, id: string): Promise<ActivityEntry> {
    const doc = await this.store.findOne(STREAM, businessId, id);
    if (!doc) throw new NotFoundAppException('activity', id);
    return toEntry(doc);
  }
}
