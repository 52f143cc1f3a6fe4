import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../infra/config/app-config';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { Subscriber, SubscriberChannel } from './entities/subscriber.entity';
import { SubscriptionLinks, TokenPurpose } from './subscription-links.service';

/** How long a double opt-in link works. */
export const CONFIRM_LINK_TTL_SECONDS = 7 * 86_400;
/** A repeated sign-up within this window does not send another confirmation (no inbox flooding through our form). */
const CONFIRM_RESEND_WINDOW_MS = 10 * 60_000;

/**
 * The signed links of a subscriber's emails (confirm, one-click unsubscribe,
 * and a customer's marketing opt-out), and the request for the double opt-in
 * mail, which the notifications module renders and sends with List-Unsubscribe.
 */
@Injectable()
export class SubscriberMailer {
  private readonly baseUrl: string;

  constructor(
    private readonly tokens: SubscriptionLinks,
    private readonly events: DomainEvents,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.baseUrl = config.get('PUBLIC_URL', { infer: true }).replace(/\/+$/, '');
  }

  /** The one-click unsubscribe link of a channel (never expires). */
  unsubscribeUrl(subscriber: Subscriber, channel: SubscriberChannel): string {
    const address = channel === SubscriberChannel.email ? subscriber.email : subscriber.phone;
    if (!address) throw new Error(`Subscriber ${subscriber.id} has no ${channel} address`);
    const token = this.tokens.sign(
      { purpose: TokenPurpose.unsubscribe, channel, businessId: subscriber.businessId, subscriberId: subscriber.id, expiresAt: 0 },
      address,
    );
    return `${this.baseUrl}/api/public/unsubscribe/${token}`;
  }

  /** The one-click opt-out link of a customer's marketing consent for a channel (never expires; bound to the address). */
  customerUnsubscribeUrl(businessId: string, customerId: string, channel: SubscriberChannel, address: string): string {
    const token = this.tokens.sign(
      { purpose: TokenPurpose.customerUnsubscribe, channel, businessId, subscriberId: customerId, expiresAt: 0 },
      address,
    );
    return `${this.baseUrl}/api/public/unsubscribe/${token}`;
  }

  confirmUrl(subscriber: Subscriber, now = new Date()): string {
    if (!subscriber.email) throw new Error(`Subscriber ${subscriber.id} has no email`);
    const expiresAt = Math.floor(now.getTime() / 1000) + CONFIRM_LINK_TTL_SECONDS;
    const token = this.tokens.sign(
      {
        purpose: TokenPurpose.confirm,
        channel: SubscriberChannel.email,
        businessId: subscriber.businessId,
        subscriberId: subscriber.id,
        expiresAt,
      },
      subscriber.email,
    );
    return `${this.baseUrl}/api/public/subscriptions/confirm/${token}`;
  }

  /** Asks for the double opt-in mail (notifications renders and sends it); repeats within a window send it once. */
  async sendConfirmation(subscriber: Subscriber, now = new Date()): Promise<void> {
    const window = Math.floor(now.getTime() / CONFIRM_RESEND_WINDOW_MS);
    await this.events.emitAndWait('subscriber.confirmation_requested', {
      businessId: subscriber.businessId,
      subscriberId: subscriber.id,
      confirmUrl: this.confirmUrl(subscriber, now),
      validDays: CONFIRM_LINK_TTL_SECONDS / 86_400,
      key: `subscriber-confirm/${subscriber.id}/${subscriber.email}/${window}`,
    });
  }
}
