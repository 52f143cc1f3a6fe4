import { Injectable } from '@nestjs/common';
import { toE164 } from '../../common/phone/phone';
import { normalizeEmail } from '../../common/text/normalize';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import { HttpStatus } from '@nestjs/common';
import { CustomersService, type CustomerContact } from '../customers/customers.service';
import { SubscriberChannel } from '../subscribers/entities/subscriber.entity';
import { SubscribersService, type SubscriberContact } from '../subscribers/subscribers.service';
import { Channel, MessageLocale } from './notification.types';

/** Who a message goes to, what we know of them, and whether marketing may reach them there. */
export interface Recipient {
  address: string;
  customerId: string | null;
  subscriberId: string | null;
  /** The person's language, when known (else the business's). */
  locale: MessageLocale | null;
  firstName: string | null;
  lastName: string | null;
  /** Marketing consent for this channel: the customer's, or a subscribed subscriber's. */
  marketingConsent: boolean;
  /** The one-click opt-out link that marketing carries (the subscriber's, else the customer's). */
  unsubscribeUrl: string | null;
}

export interface RecipientRequest {
  to?: string;
  customerId?: string;
  subscriberId?: string;
}

const localeOf = (language: string | null | undefined): MessageLocale | null =>
  language === MessageLocale.en ? MessageLocale.en : language === MessageLocale.he ? MessageLocale.he : null;

/** Turns `to` / `customerId` / `subscriberId` into an address on the channel, with consent and opt-out. */
@Injectable()
export class RecipientsService {
  constructor(
    private readonly customers: CustomersService,
    private readonly subscribers: SubscribersService,
  ) {}

  async resolve(businessId: string, channel: Channel, request: RecipientRequest): Promise<Recipient> {
    if (request.customerId) {
      const customer = await this.customers.contactOf(businessId, request.customerId);
      if (!customer) throw new NotFoundAppException('customer', request.customerId);
      const address = channel === Channel.email ? customer.email : customer.phone;
      if (!address) throw noAddress(channel, 'customer');
      return this.fromCustomer(
        businessId,
        channel,
        customer,
        address,
        await this.subscribers.contactByAddress(businessId, addressOf(channel, address)),
      );
    }
    if (request.subscriberId) {
      const sub = await this.subscribers.contactOf(businessId, request.subscriberId);
      if (!sub) throw new NotFoundAppException('subscriber', request.subscriberId);
      const address = channel === Channel.email ? sub.email : sub.phone;
      if (!address) throw noAddress(channel, 'subscriber');
      const customer = sub.customerId ? await this.customers.contactOf(businessId, sub.customerId) : null;
      return this.fromSubscriber(channel, sub, address, customer);
    }
    const address = normalizedAddress(channel, request.to ?? '');
    const customer = await this.customers.contactByAddress(businessId, addressOf(channel, address));
    if (customer)
      return this.fromCustomer(
        businessId,
        channel,
        customer,
        address,
        await this.subscribers.contactByAddress(businessId, addressOf(channel, address)),
      );
    const sub = await this.subscribers.contactByAddress(businessId, addressOf(channel, address));
    if (sub) return this.fromSubscriber(channel, sub, address, null);
    return {
      address,
      customerId: null,
      subscriberId: null,
      locale: null,
      firstName: null,
      lastName: null,
      marketingConsent: false,
      unsubscribeUrl: null,
    };
  }

  private fromCustomer(
    businessId: string,
    channel: Channel,
    c: CustomerContact,
    address: string,
    sub: SubscriberContact | null,
  ): Recipient {
    const subscribed = sub ? subscribedOn(sub, channel) : false;
    const consent = (channel === Channel.email ? c.emailConsent : c.smsConsent) || subscribed;
    return {
      address,
      customerId: c.id,
      subscriberId: sub?.id ?? null,
      locale: localeOf(c.language),
      firstName: c.firstName,
      lastName: c.lastName,
      marketingConsent: consent,
      unsubscribeUrl:
        (subscribed && sub ? sub.unsubscribeUrl[listChannel(channel)] : null) ??
        this.subscribers.customerUnsubscribeUrl(businessId, c.id, listChannel(channel), address),
    };
  }

  private fromSubscriber(channel: Channel, sub: SubscriberContact, address: string, customer: CustomerContact | null): Recipient {
    return {
      address,
      customerId: sub.customerId,
      subscriberId: sub.id,
      locale: localeOf(customer?.language),
      firstName: customer?.firstName ?? sub.name,
      lastName: customer?.lastName ?? null,
      marketingConsent: subscribedOn(sub, channel),
      unsubscribeUrl: sub.unsubscribeUrl[listChannel(channel)],
    };
  }
}

/**
 * The consent a channel uses: email's, or the phone's for SMS and WhatsApp. One marketing consent
 * per phone number: a refusal by SMS or by WhatsApp (STOP, הסר) stops marketing on both.
 */
export const listChannel = (channel: Channel): SubscriberChannel =>
  channel === Channel.email ? SubscriberChannel.email : SubscriberChannel.sms;

const subscribedOn = (sub: SubscriberContact, channel: Channel) => (channel === Channel.email ? sub.emailSubscribed : sub.smsSubscribed);
const addressOf = (channel: Channel, address: string) => (channel === Channel.email ? { email: address } : { phone: address });

function normalizedAddress(channel: Channel, to: string): string {
  if (channel === Channel.email) return normalizeEmail(to);
  const phone = toE164(to);
  if (!phone)
    throw new AppException(HttpStatus.BAD_REQUEST, 'validation_failed', 'to must be a phone number', [
      { field: 'to', message: 'to must be a phone number (E.164, or Israeli)' },
    ]);
  return phone;
}

function noAddress(channel: Channel, who: string): AppException {
  return new AppException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'message.no_address',
    `The ${who} has no ${channel === Channel.email ? 'email address' : 'phone number'}`,
  );
}
