import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { KeyObject } from 'node:crypto';
import { parseP256PublicKey } from '../../../common/crypto/ec-public-key';
import { normalizeEmail } from '../../../common/text/normalize';
import { isUuid } from '../../../common/validation/uuid';
import type { AppConfig } from '../../../infra/config/app-config';
import { SENDGRID_REFERENCE_ARGS } from '../../../infra/mail/sendgrid-mail-body';
import { SubscriberChannel } from '../../subscribers/entities/subscriber.entity';
import { SubscribersService } from '../../subscribers/subscribers.service';
import { type DeliveryOutcome, DeliveryReportsService, type DeliveryReportResult } from '../delivery-reports.service';
import { MessageLogService } from '../message-log.service';
import type { MessageRecord } from '../message.types';
import { Channel, MessageStatus } from '../notification.types';
import { ContactRefusalsService } from './contact-refusals.service';
import { isValidSendGridSignature } from './sendgrid-signature';
import { WebhookEventLog } from './webhook-event-log';
import {
  WebhookBodyInvalidException,
  WebhookNotConfiguredException,
  WebhookSignatureInvalidException,
  WebhookSignatureMissingException,
  WebhookStaleException,
} from './webhooks.exception';

export const SENDGRID_SIGNATURE_HEADER = 'X-Twilio-Email-Event-Webhook-Signature';
export const SENDGRID_TIMESTAMP_HEADER = 'X-Twilio-Email-Event-Webhook-Timestamp';

/** What became of each event of a batch. */
export type EventOutcome = 'applied' | 'unchanged' | 'duplicate' | 'ignored';
export type EventReceipt = { events: number } & Record<EventOutcome, number>;

/** `dropped` reasons meaning the address is on a suppression list: the message is `suppressed`, not `failed`. */
const SUPPRESSED = /bounced address|unsubscribed address|spam reporting address|invalid address/i;

/** Events that refuse further mail from the business. */
const REFUSALS = new Set(['unsubscribe', 'group_unsubscribe', 'spamreport']);

type SendGridEvent = Record<string, unknown>;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/**
 * The logged message an event names through our `custom_args`, when it names
 * one. No attempt: the event is about the message as it is; an attempt that
 * is not a number is about nothing we sent (no reference).
 */
function referenceOf(e: SendGridEvent): { businessId: string; messageId: string; attempt: number | null } | null {
  const businessId = text(e[SENDGRID_REFERENCE_ARGS.businessId]);
  const messageId = text(e[SENDGRID_REFERENCE_ARGS.messageId]);
  if (!businessId || !messageId || !isUuid(businessId) || !isUuid(messageId)) return null;
  const attempt = e[SENDGRID_REFERENCE_ARGS.attempt];
  if (attempt === undefined) return { businessId, messageId, attempt: null };
  return typeof attempt === 'string' && /^[1-9]\d{0,5}$/.test(attempt) ? { businessId, messageId, attempt: Number(attempt) } : null;
}

/** The event's own time (Unix seconds), when it is a plausible one. */
function timeOf(e: SendGridEvent): Date | undefined {
  return typeof e.timestamp === 'number' && Number.isFinite(e.timestamp) && e.timestamp > 0 ? new Date(e.timestamp * 1000) : undefined;
}

const fromReport = (result: DeliveryReportResult): EventOutcome =>
  result === 'changed' ? 'applied' : result === 'unknown' ? 'ignored' : 'unchanged';

/**
 * SendGrid's Event Webhook, signed: the batch is verified with
 * SENDGRID_WEBHOOK_PUBLIC_KEY over the timestamp and the raw body, refused
 * when the timestamp is out of SENDGRID_WEBHOOK_MAX_AGE_SECONDS, then each
 * event applied once (its `sg_event_id` is remembered per business):
 * `delivered`, `bounce` and `dropped` move the message the `custom_args`
 * name; `unsubscribe`, `group_unsubscribe` and `spamreport` withdraw the
 * address's email consent. Other events (processed, deferred, open, click)
 * change nothing.
 */
@Injectable()
export class SendGridWebhooksService {
  private readonly key: KeyObject | null;
  private readonly maxAgeSeconds: number;

  constructor(
    @Inject(ConfigService) config: AppConfig,
    private readonly log: MessageLogService,
    private readonly reports: DeliveryReportsService,
    private readonly refusals: ContactRefusalsService,
    private readonly subscribers: SubscribersService,
    private readonly seen: WebhookEventLog,
  ) {
    const key = config.get('SENDGRID_WEBHOOK_PUBLIC_KEY', { infer: true });
    this.key = key ? parseP256PublicKey(key) : null;
    this.maxAgeSeconds = config.get('SENDGRID_WEBHOOK_MAX_AGE_SECONDS', { infer: true });
  }

  /** 404 while no key is configured; 401 for a missing or wrong signature; 403 for a good one out of the time window. */
  verify(rawBody: Buffer | undefined, signature: string | undefined, timestamp: string | undefined, now = Date.now()): void {
    if (!this.key) throw new WebhookNotConfiguredException('SendGrid', 'SENDGRID_WEBHOOK_PUBLIC_KEY');
    if (!signature) throw new WebhookSignatureMissingException(SENDGRID_SIGNATURE_HEADER);
    if (!timestamp) throw new WebhookSignatureMissingException(SENDGRID_TIMESTAMP_HEADER);
    if (!isValidSendGridSignature(this.key, signature, timestamp, rawBody ?? Buffer.alloc(0)))
      throw new WebhookSignatureInvalidException(SENDGRID_SIGNATURE_HEADER);
    const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
    if (!(Math.abs(now / 1000 - seconds) <= this.maxAgeSeconds)) throw new WebhookStaleException(this.maxAgeSeconds);
  }

  /** Applies a verified batch, event by event in order; what became of each. */
  async events(body: unknown): Promise<EventReceipt> {
    if (!Array.isArray(body)) throw new WebhookBodyInvalidException('The body must be a JSON array of SendGrid events');
    const receipt: EventReceipt = { events: body.length, applied: 0, unchanged: 0, duplicate: 0, ignored: 0 };
    for (const item of body) {
      const outcome =
        item !== null && typeof item === 'object' && !Array.isArray(item) ? await this.event(item as SendGridEvent) : 'ignored';
      receipt[outcome]++;
    }
    return receipt;
  }

  private async event(e: SendGridEvent): Promise<EventOutcome> {
    const kind = text(e.event);
    if (!kind) return 'ignored';
    const ref = referenceOf(e);
    const found = ref ? await this.log.get(ref.businessId, ref.messageId) : null;
    const message = found?.channel === Channel.email ? found : null;
    // Remembered per business, so only for events whose message exists (which proves the business does).
    const eventId = message ? text(e.sg_event_id)?.slice(0, 200) : undefined;
    if (message && eventId && (await this.seen.seen(message.businessId, 'sendgrid', eventId))) return 'duplicate';
    const outcome = await this.apply(kind, e, message, ref?.attempt ?? null);
    if (message && eventId && outcome !== 'ignored')
      await this.seen.remember(message.businessId, 'sendgrid', eventId, { event: kind, messageId: message.id });
    return outcome;
  }

  private async apply(kind: string, e: SendGridEvent, message: MessageRecord | null, attempt: number | null): Promise<EventOutcome> {
    const email = text(e.email) ? normalizeEmail(text(e.email)!) : message?.to;
    if (REFUSALS.has(kind)) {
      if (!email) return 'ignored';
      // A report about one business's mail reaches that business; one we cannot place, every business with the address.
      const businesses = message ? [message.businessId] : await this.refusals.businessesHolding(SubscriberChannel.email, email);
      return (await this.refusals.refuse(businesses, SubscriberChannel.email, email, 'email_provider')) > 0 ? 'applied' : 'unchanged';
    }
    if (!message) return 'ignored';
    const report = (outcome: DeliveryOutcome, error?: string) =>
      this.reports.apply(message.businessId, { messageId: message.id, attempt, outcome, error, at: timeOf(e) });
    switch (kind) {
      case 'delivered':
        return fromReport(await report(MessageStatus.delivered));
      case 'bounce': {
        // `blocked` is the receiving server refusing this message (often temporarily); `bounce` is the address that does not exist.
        const type = text(e.type) ?? 'bounce';
        const detail = [text(e.status), text(e.reason)].filter(Boolean).join(' ');
        const moved = fromReport(await report(MessageStatus.bounced, `SendGrid: ${type}${detail ? `: ${detail}` : ''}`));
        const marked = type !== 'blocked' && email ? await this.subscribers.markEmailBounced(message.businessId, email) : false;
        return marked ? 'applied' : moved;
      }
      case 'dropped': {
        const reason = text(e.reason) ?? 'dropped';
        const outcome = SUPPRESSED.test(reason) ? MessageStatus.suppressed : MessageStatus.failed;
        return fromReport(await report(outcome, `SendGrid dropped it: ${reason}`));
      }
      default:
        return 'ignored';
    }
  }
}
