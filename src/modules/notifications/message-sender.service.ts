import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { asDeliveryError } from '../../common/delivery/delivery-errors';
import { AppException } from '../../common/problem/app.exception';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { ChannelDispatcher } from './channel-dispatcher';
import { type MessageChange, MessageLogService } from './message-log.service';
import type { MessageRecord } from './message.types';
import { MessageKind, MessageStatus } from './notification.types';
import { RecipientsService } from './recipients.service';

export type SendOutcome = 'sent' | 'skipped' | 'suppressed';

export const CONSENT_WITHDRAWN = 'marketing consent withdrawn before sending';

/** Writes of `sent` tried this many times, 100 ms apart and growing fourfold, before giving up on the record. */
const RECORD_ATTEMPTS = 4;
const RECORD_RETRY_MS = 100;

/**
 * Sends one logged message, as exactly once as the providers allow: the job id
 * is the message id (BullMQ runs it once at a time), the status moves by
 * compare-and-set (queued → sending → sent; taking it is one write), the provider's message id is
 * stored in the same write that marks it sent, and a job that finds the
 * message settled does nothing. A temporary failure puts it back to `queued`
 * and rethrows, so BullMQ retries with exponential backoff and jitter; a
 * permanent one, or the last attempt, marks it `failed` with the reason.
 * Providers report what happened next through webhooks (DeliveryReportsService).
 */
@Injectable()
export class MessageSender {
  private readonly logger = new Logger('Messages');

  constructor(
    private readonly log: MessageLogService,
    private readonly channels: ChannelDispatcher,
    private readonly events: DomainEvents,
    private readonly recipients: RecipientsService,
  ) {}

  async deliver(businessId: string, messageId: string, attempt: { made: number; max: number }): Promise<SendOutcome> {
    const sending = await this.log.claim(businessId, messageId);
    if (!sending) return 'skipped';
    if (sending.kind === MessageKind.marketing && !(await this.stillConsents(sending))) {
      // An unsubscribe since the message was written (a campaign still sending): it does not leave.
      const moved = await this.log.transition(businessId, messageId, MessageStatus.sending, {
        status: MessageStatus.suppressed,
        lastError: CONSENT_WITHDRAWN,
      });
      if (moved) this.events.emit('message.suppressed', { ...this.payload(sending), error: CONSENT_WITHDRAWN });
      return 'suppressed';
    }
    let sent: Awaited<ReturnType<ChannelDispatcher['send']>>;
    try {
      sent = await this.channels.send(sending);
    } catch (err) {
      const failure = asDeliveryError(err);
      const final = !failure.temporary || attempt.made + 1 >= attempt.max;
      const reason = failure.message;
      if (!final) {
        await this.log.transition(businessId, messageId, MessageStatus.sending, { status: MessageStatus.queued, lastError: reason });
        throw failure;
      }
      await this.log.transition(businessId, messageId, MessageStatus.sending, {
        status: MessageStatus.failed,
        lastError: reason,
        failedAt: new Date(),
      });
      this.logger.warn(`Message ${messageId} failed after ${attempt.made + 1} attempt(s): ${reason}`);
      this.events.emit('message.failed', { ...this.payload(sending), error: reason });
      throw new UnrecoverableError(reason);
    }
    await this.recordSent(businessId, messageId, {
      provider: sent.provider,
      providerMessageId: sent.providerMessageId,
      segments: sent.segments ?? sending.segments,
      sentAt: new Date(),
    });
    this.events.emit('message.sent', this.payload(sending));
    return 'sent';
  }

  /**
   * Records a message the provider accepted. A database error here must not
   * send it again (the job's retry would), so the write itself is retried; if
   * it never succeeds the message stays `sending` and the error is logged with
   * the provider's id: a message shown as not yet sent beats a duplicate.
   */
  private async recordSent(businessId: string, messageId: string, handedOver: MessageChange): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const moved = await this.log.transition(businessId, messageId, MessageStatus.sending, {
          status: MessageStatus.sent,
          lastError: null,
          ...handedOver,
        });
        if (!moved) await this.keepProviderId(businessId, messageId, handedOver);
        return;
      } catch (err) {
        if (attempt >= RECORD_ATTEMPTS) {
          this.logger.error(
            `Message ${messageId} was accepted by ${handedOver.provider} as ${handedOver.providerMessageId} but could not be recorded as sent: ${(err as Error).message}`,
          );
          return;
        }
        await new Promise((r) => setTimeout(r, RECORD_RETRY_MS * 4 ** (attempt - 1)));
      }
    }
  }

  /**
   * The provider's delivery report came before our own `sent` (a webhook
   * moved the message on): the message keeps the reported status and gets
   * the provider's id and the send time.
   */
  private async keepProviderId(businessId: string, messageId: string, handedOver: MessageChange): Promise<void> {
    const now = await this.log.get(businessId, messageId);
    if (now && now.status !== MessageStatus.sending && now.providerMessageId !== handedOver.providerMessageId)
      await this.log.transition(businessId, messageId, now.status, handedOver);
  }

  /** Marketing is checked again as it leaves: consent is read now, not when the message was written. */
  private async stillConsents(m: MessageRecord): Promise<boolean> {
    const who = m.customerId ? { customerId: m.customerId } : m.subscriberId ? { subscriberId: m.subscriberId } : { to: m.to };
    try {
      return (await this.recipients.resolve(m.businessId, m.channel, who)).marketingConsent;
    } catch (err) {
      // The person is gone, or has no address on the channel any more: nothing to send to.
      if (err instanceof AppException && err.status < 500) return false;
      throw err;
    }
  }

  private payload(m: MessageRecord) {
    return { businessId: m.businessId, messageId: m.id, customerId: m.customerId, channel: m.channel, template: m.template, to: m.to };
  }
}
