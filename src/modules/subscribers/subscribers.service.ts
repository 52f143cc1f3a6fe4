import { Injectable } from '@nestjs/common';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { toE164 } from '../../common/phone/phone';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { normalizeEmail } from '../../common/text/normalize';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { CustomersService } from '../customers/customers.service';
import type { CreateSubscriberDto, SubscriberDto, SubscriberQueryDto, UpdateSubscriberDto } from './dto/subscriber.dto';
import { Subscriber, SubscriberChannel, SubscriptionStatus } from './entities/subscriber.entity';
import { SubscriberMailer } from './subscriber-mailer.service';
import { clearChannel, setChannelStatus } from './subscriber-status';
import { toSubscriberDto } from './subscriber.mapper';
import {
  SubscriberChannelMissingException,
  SubscriberContactRequiredException,
  SubscriberContactTakenException,
} from './subscribers.exception';
import { SubscribersRepository } from './subscribers.repository';

export interface SubscriberContact {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  customerId: string | null;
  emailSubscribed: boolean;
  smsSubscribed: boolean;
  unsubscribeUrl: { email: string | null; sms: string | null };
}

/**
 * The business's own management of its list. A channel added by staff is
 * `subscribed` unless they say otherwise (they attest the consent and its
 * source); `pending` on email sends the double opt-in link instead.
 */
@Injectable()
export class SubscribersService {
  constructor(
    private readonly subscribers: SubscribersRepository,
    private readonly customers: CustomersService,
    private readonly mailer: SubscriberMailer,
    private readonly tx: TransactionRunner,
    private readonly events: DomainEvents,
  ) {}

  async list(businessId: string, query: SubscriberQueryDto): Promise<[SubscriberDto[], number]> {
    const [rows, total] = await this.subscribers.page(businessId, query, query);
    return [rows.map(toSubscriberDto), total];
  }

  async get(businessId: string, id: string): Promise<SubscriberDto> {
    return toSubscriberDto(await this.load(businessId, id));
  }

  async create(businessId: string, dto: CreateSubscriberDto): Promise<SubscriberDto> {
    const email = dto.email ?? null;
    const phone = dto.phone ?? null;
    if (!email && !phone) throw new SubscriberContactRequiredException();
    if (dto.emailStatus && !email) throw new SubscriberChannelMissingException('emailStatus');
    if (dto.smsStatus && !phone) throw new SubscriberChannelMissingException('smsStatus');
    await this.assertFree(businessId, email, phone);

    const now = new Date();
    const consentAt = dto.consentAt ? new Date(dto.consentAt) : now;
    const draft = {
      email,
      phone,
      name: dto.name ?? null,
      lists: dto.lists ?? [],
      consentSource: dto.consentSource ?? 'manual',
      consentIp: null,
      customerId: (await this.customers.findByContact(businessId, { email, phone }))?.id ?? null,
    } as Subscriber;
    clearChannel(draft, SubscriberChannel.email);
    clearChannel(draft, SubscriberChannel.sms);
    if (email) setChannelStatus(draft, SubscriberChannel.email, dto.emailStatus ?? SubscriptionStatus.subscribed, now, consentAt);
    if (phone) setChannelStatus(draft, SubscriberChannel.sms, dto.smsStatus ?? SubscriptionStatus.subscribed, now, consentAt);

    const created = await this.subscribers.insertIfAbsent(businessId, draft);
    if (!created) throw new SubscriberContactTakenException(email ? 'email' : 'phone');
    await this.confirmIfPending(created);
    return toSubscriberDto(created);
  }

  /** Applies the change under the subscriber's row lock, so concurrent edits of different fields all survive. */
  async update(businessId: string, id: string, dto: UpdateSubscriberDto): Promise<SubscriberDto> {
    const saved = await this.tx.run(async (em) => {
      const subscribers = this.subscribers.withManager(em);
      const sub = await subscribers.lockById(businessId, id);
      if (!sub) throw new NotFoundAppException('subscriber', id);
      await this.applyChanges(businessId, sub, dto);
      return subscribers.save(businessId, sub);
    });
    if (dto.emailStatus === SubscriptionStatus.pending) await this.confirmIfPending(saved);
    return toSubscriberDto(saved);
  }

  private async applyChanges(businessId: string, sub: Subscriber, dto: UpdateSubscriberDto): Promise<void> {
    const now = new Date();
    const email = dto.email === undefined ? sub.email : dto.email;
    const phone = dto.phone === undefined ? sub.phone : dto.phone;
    if (!email && !phone) throw new SubscriberContactRequiredException();
    if (dto.emailStatus && !email) throw new SubscriberChannelMissingException('emailStatus');
    if (dto.smsStatus && !phone) throw new SubscriberChannelMissingException('smsStatus');
    await this.assertFree(businessId, email !== sub.email ? email : null, phone !== sub.phone ? phone : null, sub.id);

    const contactChanged = email !== sub.email || phone !== sub.phone;
    if (email !== sub.email) {
      // Consent belongs to an address: a new address starts over.
      clearChannel(sub, SubscriberChannel.email);
      sub.email = email;
      if (email) setChannelStatus(sub, SubscriberChannel.email, dto.emailStatus ?? SubscriptionStatus.subscribed, now);
    } else if (dto.emailStatus) {
      setChannelStatus(sub, SubscriberChannel.email, dto.emailStatus, now);
    }
    if (phone !== sub.phone) {
      clearChannel(sub, SubscriberChannel.sms);
      sub.phone = phone;
      if (phone) setChannelStatus(sub, SubscriberChannel.sms, dto.smsStatus ?? SubscriptionStatus.subscribed, now);
    } else if (dto.smsStatus) {
      setChannelStatus(sub, SubscriberChannel.sms, dto.smsStatus, now);
    }
    if (dto.name !== undefined) sub.name = dto.name;
    if (dto.lists !== undefined) sub.lists = dto.lists;
    if (contactChanged) sub.customerId = (await this.customers.findByContact(businessId, { email, phone }))?.id ?? null;
  }

  /** What messaging needs of a subscriber: addresses, the status per channel, the opt-out links. */
  /** Subscribers on a list with an address on the channel, by id after `afterId` (a campaign pages through them). */
  idsOnListAfter(businessId: string, list: string, channel: SubscriberChannel, afterId: string | null, limit: number): Promise<string[]> {
    return this.subscribers.idsOnListAfter(businessId, list, channel, afterId, limit);
  }

  async contactOf(businessId: string, id: string): Promise<SubscriberContact | null> {
    const sub = await this.subscribers.findById(businessId, id);
    return sub ? this.toContact(sub) : null;
  }

  /** The subscriber with this address, if any. */
  async contactByAddress(businessId: string, address: { email?: string; phone?: string }): Promise<SubscriberContact | null> {
    const sub =
      (address.email ? await this.subscribers.findByEmail(businessId, address.email) : null) ??
      (address.phone ? await this.subscribers.findByPhone(businessId, address.phone) : null);
    return sub ? this.toContact(sub) : null;
  }

  /** The businesses with a subscriber at this address (across tenants: for refusals that name no business). */
  async businessesHolding(address: { email?: string; phone?: string }): Promise<string[]> {
    const phone = address.phone ? toE164(address.phone) : null;
    if (phone) return this.subscribers.businessIdsHolding('phone', phone);
    return address.email ? this.subscribers.businessIdsHolding('email', normalizeEmail(address.email)) : [];
  }

  /**
   * A refusal that came without a link: a reply to an SMS (STOP, הסר) or an
   * unsubscribe or spam report at the email provider. The channel of the
   * subscriber at `address` becomes unsubscribed, once (a repeat changes
   * nothing and emits nothing); false when there was nothing to change.
   */
  async unsubscribeAddress(
    businessId: string,
    channel: SubscriberChannel,
    address: string,
    via: 'sms_reply' | 'whatsapp_reply' | 'email_provider',
  ): Promise<boolean> {
    const normalized = channel === SubscriberChannel.email ? normalizeEmail(address) : toE164(address);
    if (!normalized) return false;
    const changed = await this.subscribers.moveChannel(businessId, channel, normalized, SubscriptionStatus.unsubscribed, [
      SubscriptionStatus.pending,
      SubscriptionStatus.subscribed,
      SubscriptionStatus.bounced,
    ]);
    if (changed)
      this.events.emit('subscriber.unsubscribed', {
        businessId,
        subscriberId: changed.id,
        customerId: changed.customerId,
        channel,
        ip: null,
        via,
      });
    return changed !== null;
  }

  /** The email provider found the address undeliverable (a hard bounce): its subscribed or pending email becomes `bounced`; an unsubscribed one stays so. */
  async markEmailBounced(businessId: string, email: string): Promise<boolean> {
    const changed = await this.subscribers.moveChannel(
      businessId,
      SubscriberChannel.email,
      normalizeEmail(email),
      SubscriptionStatus.bounced,
      [SubscriptionStatus.pending, SubscriptionStatus.subscribed],
    );
    return changed !== null;
  }

  /** A customer's opt-out link for a channel (marketing to customers carries it). */
  customerUnsubscribeUrl(businessId: string, customerId: string, channel: SubscriberChannel, address: string): string {
    return this.mailer.customerUnsubscribeUrl(businessId, customerId, channel, address);
  }

  private toContact(sub: Subscriber): SubscriberContact {
    return {
      id: sub.id,
      name: sub.name,
      email: sub.email,
      phone: sub.phone,
      customerId: sub.customerId,
      emailSubscribed: sub.emailStatus === SubscriptionStatus.subscribed,
      smsSubscribed: sub.smsStatus === SubscriptionStatus.subscribed,
      unsubscribeUrl: {
        email: sub.email ? this.mailer.unsubscribeUrl(sub, SubscriberChannel.email) : null,
        sms: sub.phone ? this.mailer.unsubscribeUrl(sub, SubscriberChannel.sms) : null,
      },
    };
  }

  async remove(businessId: string, id: string): Promise<void> {
    if (!(await this.subscribers.deleteById(businessId, id))) throw new NotFoundAppException('subscriber', id);
  }

  private async load(businessId: string, id: string): Promise<Subscriber> {
    const sub = await this.subscribers.findById(businessId, id);
    if (!sub) throw new NotFoundAppException('subscriber', id);
    return sub;
  }

  private async assertFree(businessId: string, email: string | null, phone: string | null, exceptId?: string): Promise<void> {
    if (email && (await this.subscribers.contactTaken(businessId, 'email', email, exceptId)))
      throw new SubscriberContactTakenException('email');
    if (phone && (await this.subscribers.contactTaken(businessId, 'phone', phone, exceptId)))
      throw new SubscriberContactTakenException('phone');
  }

  private async confirmIfPending(sub: Subscriber): Promise<void> {
    if (sub.emailStatus !== SubscriptionStatus.pending) return;
    await this.mailer.sendConfirmation(sub);
  }
}
