import { Inject, Injectable } from '@nestjs/common';
import type { ReportingPeriod } from '../../common/time/reporting-period';
import {
  DOCUMENT_STREAM_STORE,
  type DocumentStreamStore,
  type StreamDocument,
  type StreamFields,
} from '../../infra/document-stream/document-stream.port';
import type { MessageFilter, MessageRecord, NewMessage } from './message.types';
import { MessageStatus } from './notification.types';

const STREAM = 'messages';
const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : null);
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toRecord(doc: StreamDocument): MessageRecord {
  const f = doc.fields;
  return {
    id: doc.id,
    businessId: doc.businessId,
    createdAt: doc.at,
    channel: f.channel as MessageRecord['channel'],
    kind: f.kind as MessageRecord['kind'],
    status: f.status as MessageStatus,
    to: String(f.to),
    customerId: str(f.customerId),
    subscriberId: str(f.subscriberId),
    template: str(f.template),
    locale: f.locale as MessageRecord['locale'],
    subject: str(f.subject),
    text: String(f.text ?? ''),
    html: str(f.html),
    headers: f.headers ? (JSON.parse(String(f.headers)) as Record<string, string>) : {},
    attachments: f.attachments ? (JSON.parse(String(f.attachments)) as MessageRecord['attachments']) : [],
    fromName: str(f.fromName),
    replyTo: str(f.replyTo),
    smsSender: str(f.smsSender),
    whatsappTemplate: f.whatsappTemplate ? (JSON.parse(String(f.whatsappTemplate)) as MessageRecord['whatsappTemplate']) : null,
    segments: typeof f.segments === 'number' ? f.segments : null,
    provider: str(f.provider),
    providerMessageId: str(f.providerMessageId),
    attempts: Number(f.attempts ?? 0),
    lastError: str(f.lastError),
    sendAt: date(f.sendAt) ?? doc.at,
    sentAt: date(f.sentAt),
    deliveredAt: date(f.deliveredAt),
    readAt: date(f.readAt),
    failedAt: date(f.failedAt),
    requestHash: str(f.requestHash),
  };
}

/** A change of a message, written as stream fields (dates as ISO strings). */
export type MessageChange = Partial<
  Pick<
    MessageRecord,
    | 'status'
    | 'provider'
    | 'providerMessageId'
    | 'attempts'
    | 'lastError'
    | 'segments'
    | 'sentAt'
    | 'deliveredAt'
    | 'readAt'
    | 'failedAt'
    | 'sendAt'
  >
>;

function toFields(change: MessageChange): StreamFields {
  const out: StreamFields = {};
  for (const [key, value] of Object.entries(change))
    out[key] = value instanceof Date ? value.toISOString() : (value as StreamFields[string]);
  return out;
}

/**
 * The message log: every message is written here first (`queued`), then a job
 * sends it. Status changes are compare-and-set, so two workers can never both
 * move one message, and a retried job that finds it `sent` does nothing.
 * Stored in the `messages` document stream (PostgreSQL, or MongoDB).
 */
@Injectable()
export class MessageLogService {
  constructor(@Inject(DOCUMENT_STREAM_STORE) private readonly store: DocumentStreamStore) {}

  /** Writes a new message as `queued` under `id` (a repeat with the same id returns the first). */
  async create(
    businessId: string,
    id: string,
    message: NewMessage,
    now = new Date(),
  ): Promise<{ message: MessageRecord; created: boolean }> {
    const { headers, attachments, sendAt, whatsappTemplate, ...rest } = message;
    const fields: StreamFields = {
      ...(rest as StreamFields),
      whatsappTemplate: whatsappTemplate ? JSON.stringify(whatsappTemplate) : null,
      headers: JSON.stringify(headers),
      attachments: attachments.length ? JSON.stringify(attachments) : null,
      sendAt: sendAt.toISOString(),
      status: MessageStatus.queued,
      attempts: 0,
      provider: null,
      providerMessageId: null,
      lastError: null,
      sentAt: null,
      deliveredAt: null,
      failedAt: null,
    };
    const { document, created } = await this.store.appendOnce(STREAM, businessId, id, now, fields);
    return { message: toRecord(document), created };
  }

  async get(businessId: string, id: string): Promise<MessageRecord | null> {
    const doc = await this.store.findOne(STREAM, businessId, id);
    return doc ? toRecord(doc) : null;
  }

  /** Applies `change` if the message is still in status `from`; the changed message, or null. */
  async transition(businessId: string, id: string, from: MessageStatus, change: MessageChange): Promise<MessageRecord | null> {
    const doc = await this.store.update(STREAM, businessId, id, { set: toFields(change) }, { status: from });
    return doc ? toRecord(doc) : null;
  }

  /**
   * Takes a message still to send (`queued`, or `sending` left by an attempt
   * that stopped midway) for one more attempt: `sending`, attempts + 1, in one
   * write; the message, or null when it is settled or gone.
   */
  async claim(businessId: string, id: string): Promise<MessageRecord | null> {
    const doc = await this.store.update(
      STREAM,
      businessId,
      id,
      { set: { status: MessageStatus.sending }, increment: { attempts: 1 } },
      { status: [MessageStatus.queued, MessageStatus.sending] },
    );
    return doc ? toRecord(doc) : null;
  }

  /** The message a provider knows by its own id (WhatsApp's wamid), in one business. */
  async findByProviderId(businessId: string, providerMessageId: string): Promise<MessageRecord | null> {
    const { items } = await this.store.find(STREAM, businessId, { match: { providerMessageId }, offset: 0, limit: 1 });
    return items[0] ? toRecord(items[0]) : null;
  }

  async list(
    businessId: string,
    filter: MessageFilter,
    page: { offset: number; limit: number },
  ): Promise<{ items: MessageRecord[]; total: number }> {
    const match: StreamFields = {};
    for (const key of ['channel', 'status', 'customerId', 'template'] as const) if (filter[key]) match[key] = filter[key];
    const { items, total } = await this.store.find(STREAM, businessId, { match, from: filter.from, to: filter.to, ...page });
    return { items: items.map(toRecord), total };
  }

  /**
   * Messages written in the period (by `createdAt`), counted per bucket and
   * current status by the document store itself (an aggregation, on either driver).
   */
  async countByStatus(businessId: string, period: ReportingPeriod): Promise<{ bucket: string; status: MessageStatus; count: number }[]> {
    const groups = await this.store.tally(STREAM, businessId, period, 'status');
    return groups.map((g) => ({ bucket: g.bucket, status: (g.value ?? MessageStatus.queued) as MessageStatus, count: g.count }));
  }
}
