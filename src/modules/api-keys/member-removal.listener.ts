import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { ApiKeysService } from './api-keys.service';

/** A removed member knows the secrets of the keys they created: those keys are revoked with them. */
@Injectable()
export class ApiKeyRevocationListener {
  constructor(private readonly keys: ApiKeysService) {}

  @OnDomainEvent('member.removed')
  async onMemberRemoved(e: DomainEventMap['member.removed']): Promise<void> {
    await this.keys.revokeCreatedBy(e.businessId, e.userId);
  }
}
