import { Injectable } from '@nestjs/common';
import { BusinessDirectory } from '../business/business-directory.service';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { CustomersService } from '../customers/customers.service';
import type { PublicSubscribeDto, PublicSubscribeResultDto, SubscriptionStateDto } from './dto/public-subscription.dto';
import { Subscriber, SubscriberChannel, SubscriptionStatus } from './entities/subscriber.entity';
import { SubscriberMailer } from './subscriber-mailer.service';
import { channelState, clearChannel, setChannelStatus } from './subscriber-status';
import {
  SubscriptionLinkExpiredException,
  SubscriptionLinkInvalidException,
  SubscriptionNotPendingException,
} from './subscribers.exception';
import { SubscribersRepository } from './subscribers.repository';
import { SubscriptionLinks, TokenPurpose } from './subscription-links.service';

const PUBLIC_SOURCE = 'public_form';

/**
 * What the public can do without a login: join the list (email by double
 * opt-in), confirm, and refuse. Answers never reveal whether an address was
 * already on the list.
 */
@Injectable()
export class PublicSubscriptionsService {
  constructor(
    private readonly directory: BusinessDirectory,
    private readonly subscribers: SubscribersRepository,
    private readonly customers: CustomersService,
    private readonly tokens: SubscriptionLinks,
    private readonly mailer: SubscriberMailer,
    private readonly events: DomainEvents,
  ) {}

  async subscribe(slug: string, dto: PublicSubscribeDto, ip: string): Promise<PublicSubscribeResultDto> {
    const business = await this.directory.requireBySlug(slug);
    const email = dto.email ?? null;
    const phone = dto.phone ?? null;
    const now = new Date();

    let smsConsented = false;
    let sub =
      (email ? await this.subscribers.findByEmail(business.id, email) : null) ??
      (phone ? await this.subscribers.findByPhone(business.id, phone) : null);
    if (!sub) {
      const draft = {
        email,
        phone,
        name: dto.name ?? null,
        lists: dto.lists ?? [],
        consentSource: PUBLIC_SOURCE,
        consentIp: ip || null,
        customerId: null,
      } as Subscriber;
      clearChannel(draft, SubscriberChannel.email);
      clearChannel(draft, SubscriberChannel.sms);
      if (email) setChannelStatus(draft, SubscriberChannel.email, SubscriptionStatus.pending, now);
      if (phone) smsConsented = setChannelStatus(draft, SubscriberChannel.sms, SubscriptionStatus.subscribed, now);
      draft.customerId = (await this.customers.findByContact(business.id, { email, phone }))?.id ?? null;
      sub = await this.subscribers.insertIfAbsent(business.id, draft);
      // Lost a race with the same address: continue with the row that won.
      sub ??=
        (email ? await this.subscribers.findByEmail(business.id, email) : null) ??
        (await this.subscribers.findByPhone(business.id, phone!));
      if (!sub) throw new Error('subscriber insert conflicted but no matching subscriber was found');
    }
    // Someone already on the list signs up again: merge, and (re)start consent where it is missing.
    sub.lists = [...new Set([...sub.lists, ...(dto.lists ?? [])])];
    sub.name ??= dto.name ?? null;
    if (email && !sub.email && !(await this.subscribers.contactTaken(business.id, 'email', email, sub.id))) sub.email = email;
    if (phone && !sub.phone && !(await this.subscribers.contactTaken(business.id, 'phone', phone, sub.id))) sub.phone = phone;
    if (email && sub.email === email && channelState(sub, SubscriberChannel.email).status !== SubscriptionStatus.subscribed) {
      setChannelStatus(sub, SubscriberChannel.email, SubscriptionStatus.pending, now);
    }
    const smsSubscribed = phone !== null && sub.phone === phone;
    if (smsSubscribed && setChannelStatus(sub, SubscriberChannel.sms, SubscriptionStatus.subscribed, now)) smsConsented = true;
    sub.consentSource = PUBLIC_SOURCE;
    sub.consentIp = ip || null;
    sub.customerId ??= (await this.customers.findByContact(business.id, { email: sub.email, phone: sub.phone }))?.id ?? null;
    const saved = await this.subscribers.save(business.id, sub);

    if (email && saved.email === email && saved.emailStatus === SubscriptionStatus.pending) await this.mailer.sendConfirmation(saved, now);
    if (smsConsented)
      this.events.emit('subscriber.confirmed', {
        businessId: business.id,
        subscriberId: saved.id,
        customerId: saved.customerId,
        channel: 'sms',
        ip: ip || null,
      });
    return { emailConfirmationRequired: email !== null, smsSubscribed };
  }

  /** Follows a double opt-in link: pending → subscribed; again → no change. */
  async confirm(token: string, ip: string): Promise<SubscriptionStateDto> {
    const { sub, channel } = await this.resolve(token, TokenPurpose.confirm);
    const state = channelState(sub, channel);
    if (state.status === SubscriptionStatus.unsubscribed || state.status === SubscriptionStatus.bounced)
      throw new SubscriptionNotPendingException();
    if (setChannelStatus(sub, channel, SubscriptionStatus.subscribed, new Date())) {
      await this.subscribers.save(sub.businessId, sub);
      this.events.emit('subscriber.confirmed', {
        businessId: sub.businessId,
        subscriberId: sub.id,
        customerId: sub.customerId,
        channel,
        ip: ip || null,
      });
    }
    return this.state(sub, channel);
  }

  /** One-click refusal: idempotent, the first time is the one recorded. A customer's link withdraws their consent. */
  async unsubscribe(token: string, ip: string): Promise<SubscriptionStateDto> {
    if (this.tokens.read(token, TokenPurpose.customerUnsubscribe)) return this.unsubscribeCustomer(token);
    const { sub, channel } = await this.resolve(token, TokenPurpose.unsubscribe);
    if (setChannelStatus(sub, channel, SubscriptionStatus.unsubscribed, new Date())) {
      await this.subscribers.save(sub.businessId, sub);
      this.events.emit('subscriber.unsubscribed', {
        businessId: sub.businessId,
        subscriberId: sub.id,
        customerId: sub.customerId,
        channel,
        ip: ip || null,
      });
    }
    return this.state(sub, channel);
  }

  private async unsubscribeCustomer(token: string): Promise<SubscriptionStateDto> {
    const claims = this.tokens.read(token, TokenPurpose.customerUnsubscribe)!;
    const customer = await this.customers.contactOf(claims.businessId, claims.subscriberId);
    const address = claims.channel === SubscriberChannel.email ? customer?.email : customer?.phone;
    if (!customer || !address || !this.tokens.verify(claims, address)) throw new SubscriptionLinkInvalidException();
    await this.customers.withdrawConsent(claims.businessId, customer.id, claims.channel);
    const business = await this.directory.require(claims.businessId);
    return { channel: claims.channel, status: SubscriptionStatus.unsubscribed, businessName: business.name };
  }

  private async resolve(token: string, purpose: TokenPurpose): Promise<{ sub: Subscriber; channel: SubscriberChannel }> {
    const claims = this.tokens.read(token, purpose);
    if (!claims) throw new SubscriptionLinkInvalidException();
    const sub = await this.subscribers.findForLink(claims.businessId, claims.subscriberId);
    const address = claims.channel === SubscriberChannel.email ? sub?.email : sub?.phone;
    if (!sub || !address || !this.tokens.verify(claims, address)) throw new SubscriptionLinkInvalidException();
    if (claims.expiresAt !== 0 && claims.expiresAt * 1000 < Date.now()) throw new SubscriptionLinkExpiredException();
    return { sub, channel: claims.channel };
  }

  private async state(sub: Subscriber, channel: SubscriberChannel): Promise<SubscriptionStateDto> {
    const business = await this.directory.require(sub.businessId);
    return { channel, status: channelState(sub, channel).status!, businessName: business.name };
  }
}
