import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** A removed member's sessions in that business end (their access token already stops at the next request). */
@Injectable()
export class SessionRevocationListener {
  constructor(private readonly refreshTokens: RefreshTokensRepository) {}

  @OnDomainEvent('member.removed')
  async onMemberRemoved(e: DomainEventMap['member.removed']): Promise<void> {
    await this.refreshTokens.revokeForMember(e.businessId, e.userId);
  }
}
