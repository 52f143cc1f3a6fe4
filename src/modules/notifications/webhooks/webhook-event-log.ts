import { Inject, Injectable } from '@nestjs/common';
import { uuidFromKey } from '../../../common/crypto/key-uuid';
import { DOCUMENT_STREAM_STORE, type DocumentStreamStore, type StreamFields } from '../../../infra/document-stream/document-stream.port';

const STREAM = 'webhook_events';

/**
 * The provider events already applied, by the provider's event id (SendGrid's
 * `sg_event_id`), in the business's `webhook_events` document stream. A batch
 * the provider posts again (it retries until it gets a 2xx) is then applied
 * once, even where applying it again would change something (an unsubscribe
 * replayed after the person subscribed again).
 */
@Injectable()
export class WebhookEventLog {
  constructor(@Inject(DOCUMENT_STREAM_STORE) private readonly store: DocumentStreamStore) {}

  async seen(businessId: string, provider: string, eventId: string): Promise<boolean> {
    return (await this.store.findOne(STREAM, businessId, this.idOf(businessId, provider, eventId))) !== null;
  }

  async remember(businessId: string, provider: string, eventId: string, fields: StreamFields): Promise<void> {
    await this.store.appendOnce(STREAM, businessId, this.idOf(businessId, provider, eventId), new Date(), {
      ...fields,
      provider,
      eventId: eventId.slice(0, 200),
    });
  }

  private idOf(businessId: string, provider: string, eventId: string): string {
    return uuidFromKey(businessId, 'webhook-event', provider, eventId);
  }
}
