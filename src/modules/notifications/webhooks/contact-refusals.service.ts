import { Injectable } from '@nestjs/common';
import { CustomersService } from '../../customers/customers.service';
import { SubscriberChannel } from '../../subscribers/entities/subscriber.entity';
import { SubscribersService } from '../../subscribers/subscribers.service';

type Via = 'sms_reply' | 'whatsapp_reply' | 'email_provider';

const addressOn = (channel: SubscriberChannel, address: string) =>
  channel === SubscriberChannel.email ? { email: address } : { phone: address };

/**
 * A person refusing marketing on a channel without a link: an SMS reply
 * (STOP, הסר) or an unsubscribe / spam report at the email provider. In each
 * business named, the customer at that address loses the channel's consent
 * and the subscriber at it is unsubscribed. Both are conditional updates, so
 * a repeated report changes nothing and records nothing twice.
 */
@Injectable()
export class ContactRefusalsService {
  constructor(
    private readonly customers: CustomersService,
    private readonly subscribers: SubscribersService,
  ) {}

  /** Every business with a customer or a subscriber at this address. */
  async businessesHolding(channel: SubscriberChannel, address: string): Promise<string[]> {
    const [customers, subscribers] = await Promise.all([
      this.customers.businessesHolding(addressOn(channel, address)),
      this.subscribers.businessesHolding(addressOn(channel, address)),
    ]);
    return [...new Set([...customers, ...subscribers])];
  }

  /** Applies the refusal in each business; how many records it changed (0 for a repeat). */
  async refuse(businessIds: Iterable<string>, channel: SubscriberChannel, address: string, via: Via): Promise<number> {
    let changed = 0;
    for (const businessId of new Set(businessIds)) {
      const customer = await this.customers.contactByAddress(businessId, addressOn(channel, address));
      if (customer && (await this.customers.withdrawConsent(businessId, customer.id, channel))) changed++;
      if (await this.subscribers.unsubscribeAddress(businessId, channel, address, via)) changed++;
    }
    return changed;
  }
}
