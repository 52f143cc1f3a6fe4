import { Injectable, Logger } from '@nestjs/common';
import type { DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { MembershipDirectory } from '../business/membership-directory.service';
import { SubscribersService } from '../subscribers/subscribers.service';
import { Channel, MessageKind, TemplateKey } from './notification.types';
import { NotificationsService } from './notifications.service';

/** Messages to people who are not (yet) customers: a subscriber's double opt-in, a member's invitation. */
@Injectable()
export class ContactNotificationsListener {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly notifications: NotificationsService,
    private readonly subscribers: SubscribersService,
    private readonly memberships: MembershipDirectory,
  ) {}

  /** The confirmation request goes to the subscriber (a list mail: it carries List-Unsubscribe). */
  @OnDomainEvent('subscriber.confirmation_requested')
  async confirmationRequested(e: DomainEventMap['subscriber.confirmation_requested']): Promise<void> {
    const sub = await this.subscribers.contactOf(e.businessId, e.subscriberId);
    if (!sub?.email) return;
    await this.notifications
      .send(e.businessId, {
        channel: Channel.email,
        kind: MessageKind.transactional,
        subscriberId: sub.id,
        template: TemplateKey.subscriberConfirm,
        variables: {
          // Liquid reads '' as true: a missing name is left out, so the greeting falls back to its nameless form.
          ...(sub.name ? { 'subscriber.name': sub.name } : {}),
          'subscriber.email': sub.email,
          confirmUrl: e.confirmUrl,
          confirmValidDays: e.validDays,
        },
        key: e.key,
      })
      .catch((err: Error) => this.logger.warn(`Confirmation to subscriber ${e.subscriberId} not sent: ${err.message}`));
  }

  @OnDomainEvent('member.invited')
  async memberInvited(e: DomainEventMap['member.invited']): Promise<void> {
    const member = await this.memberships.findMember(e.businessId, e.membershipId);
    if (!member?.user) return;
    await this.notifications
      .send(e.businessId, {
        channel: Channel.email,
        kind: MessageKind.transactional,
        to: member.user.email,
        template: TemplateKey.memberInvitation,
        variables: {
          ...(member.user.name !== member.user.email ? { 'member.name': member.user.name } : {}),
          'member.email': member.user.email,
          'inviter.name': e.by?.name ?? '',
          inviteUrl: e.inviteUrl,
        },
        key: `member-invitation/${e.membershipId}`,
      })
      .catch((err: Error) => this.logger.warn(`Invitation to member ${e.membershipId} not sent: ${err.message}`));
  }
}
