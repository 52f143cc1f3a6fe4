import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import { WebhookEndpoint, WebhookEndpointStatus } from './entities/webhook-endpoint.entity';

@Injectable()
export class WebhookEndpointsRepository extends TenantRepository<WebhookEndpoint> {
  constructor(@InjectRepository(WebhookEndpoint) repo: Repository<WebhookEndpoint>) {
    super(repo);
  }

  page(businessId: string, page: { offset: number; limit: number }): Promise<[WebhookEndpoint[], number]> {
    return this.findPage(businessId, { order: { createdAt: 'ASC', id: 'ASC' } }, page);
  }

  /** A success: the failure count starts again (written only when there was one). */
  async recordSuccess(businessId: string, id: string): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ consecutiveFailures: 0, failingSince: null })
      .where('id = :id AND business_id = :businessId AND (consecutive_failures > 0 OR failing_since IS NOT NULL)', {
        id,
        businessId: this.scoped(businessId).businessId,
      })
      .execute();
  }

  /** A failed attempt of an enabled endpoint: the count and since when it fails, after this one; null when it is not enabled. */
  async recordFailure(businessId: string, id: string): Promise<{ failures: number; failingSince: Date } | null> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ consecutiveFailures: () => 'consecutive_failures + 1', failingSince: () => 'COALESCE(failing_since, now())' })
      .where('id = :id AND business_id = :businessId AND status = :enabled', {
        id,
        businessId: this.scoped(businessId).businessId,
        enabled: WebhookEndpointStatus.enabled,
      })
      .returning('consecutive_failures, failing_since')
      .execute();
    const row = (result.raw as { consecutive_failures: number; failing_since: Date }[])[0];
    return row ? { failures: row.consecutive_failures, failingSince: new Date(row.failing_since) } : null;
  }

  /** Disables an enabled endpoint; false when it was not enabled (another attempt disabled it first). */
  async disable(businessId: string, id: string, reason: string, at: Date): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.repo.update(this.scoped(businessId, { id, status: WebhookEndpointStatus.enabled }), {
      status: WebhookEndpointStatus.disabled,
      disabledReason: reason,
      disabledAt: at,
    });
    return (result.affected ?? 0) > 0;
  }
}
