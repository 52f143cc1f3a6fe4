import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { CalendarsRepository } from './calendars.repository';

/** A removed member's feed links stop working: the ones they published and the one of their own calendar. */
@Injectable()
export class CalendarFeedRevocationListener {
  constructor(private readonly calendars: CalendarsRepository) {}

  @OnDomainEvent('member.removed')
  async onMemberRemoved(e: DomainEventMap['member.removed']): Promise<void> {
    await this.calendars.revokeFeedsOfRemovedMember(e.businessId, e.userId);
  }
}
