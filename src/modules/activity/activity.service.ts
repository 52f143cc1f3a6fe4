import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotFoundAppException } from '../../common/problem/app.exception';
import {
  DOCUMENT_STREAM_STORE,
  type DocumentStreamStore,
  type StreamDocument,
  type StreamFields,
} from '../../infra/document-stream/document-stream.port';
import { RequestContext } from '../../common/http/request-context';
import type { ActivityEntry, ActivityFilter, EventActivity, NewActivity } from './activity.types';
import type { ActivityEntryDto } from './dto/activity-entry.dto';

const STREAM = 'activity';

/** What clients see of an entry (the business is implied by the request). */
const toDto = ({ businessId: _business, ...entry }: ActivityEntry): ActivityEntryDto => entry;

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

  /** Records an entry for a domain event, quietly (see recordQuietly); actor, request id and IP filled in one way. */
  recordEvent(e: EventActivity): Promise<void> {
    return this.recordQuietly({
      businessId: e.businessId,
      actorType: e.by?.kind ?? e.anonymous ?? 'system',
      actorId: e.by?.id ?? null,
      actorName: e.by?.name ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      customerId: e.customerId ?? null,
      summary: e.summary,
      ip: e.ip ?? RequestContext.ip() ?? null,
      requestId: RequestContext.requestId() ?? null,
    });
  }

  async list(
    businessId: string,
    filter: ActivityFilter,
    page: { offset: number; limit: number },
  ): Promise<{ items: ActivityEntryDto[]; total: number }> {
    const match: StreamFields = {};
    for (const key of ['entityType', 'entityId', 'actorId', 'action', 'customerId'] as const) {
      if (filter[key]) match[key] = filter[key];
    }
    const { items, total } = await this.store.find(STREAM, businessId, { match, from: filter.from, to: filter.to, ...page });
    return { items: items.map((doc) => toDto(toEntry(doc))), total };
  }

  async get(businessId: string, id: string): Promise<ActivityEntryDto> {
    const doc = await this.store.findOne(STREAM, businessId, id);
    if (!doc) throw new NotFoundAppException('activity', id);
    return toDto(toEntry(doc));
  }
}
