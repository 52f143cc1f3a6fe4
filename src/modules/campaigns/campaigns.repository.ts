import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import type { AudienceRule } from '../customers/audience/audience-rule';
import { CampaignStatus } from './campaign.types';
import { Campaign } from './entities/campaign.entity';

export interface CampaignRef {
  businessId: string;
  id: string;
}

/** Campaign rows; every status change is a compare-and-set on the status (and the batch count), so two workers never both move one. */
@Injectable()
export class CampaignsRepository extends TenantRepository<Campaign> {
  constructor(@InjectRepository(Campaign) repo: Repository<Campaign>) {
    super(repo);
  }

  private async move(businessId: string, id: string, set: string, where: string, params: unknown[]): Promise<Campaign | null> {
    this.scoped(businessId);
    if (!isUuid(id)) return null;
    const rows = await this.sql<Record<string, unknown>>(
      `UPDATE campaigns SET ${set} WHERE business_id = $1 AND id = $2 AND ${where} RETURNING *`,
      [businessId, id, ...params],
    );
    return this.hydrate(rows)[0] ?? null;
  }

  /** draft or scheduled → sending, with the audience it sends to; null when it was not in one of those. */
  start(businessId: string, id: string, rule: AudienceRule | null, now: Date): Promise<Campaign | null> {
    return this.move(
      businessId,
      id,
      `status = 'sending', audience_rule = $3, started_at = $4, cursor = NULL, batches_done = 0`,
      `status IN ('draft', 'scheduled')`,
      [rule ? JSON.stringify(rule) : null, now],
    );
  }

  /** draft or scheduled → scheduled at `at`. */
  schedule(businessId: string, id: string, at: Date, rule: AudienceRule | null): Promise<Campaign | null> {
    return this.move(businessId, id, `status = 'scheduled', scheduled_at = $3, audience_rule = $4`, `status IN ('draft', 'scheduled')`, [
      at,
      rule ? JSON.stringify(rule) : null,
    ]);
  }

  /** A batch committed: the cursor moves past its last customer. False when another run did it first, or it stopped. */
  async advance(businessId: string, id: string, batch: number, cursor: string): Promise<boolean> {
    return !!(await this.move(businessId, id, `cursor = $4, batches_done = $3 + 1`, `status = 'sending' AND batches_done = $3`, [
      batch,
      cursor,
    ]));
  }

  /** No recipients left after `batch`: sending → sent. */
  async finish(businessId: string, id: string, batch: number, now: Date): Promise<boolean> {
    return !!(await this.move(businessId, id, `status = 'sent', finished_at = $4`, `status = 'sending' AND batches_done = $3`, [
      batch,
      now,
    ]));
  }

  /** draft, scheduled or sending → cancelled; null when it was sent or cancelled already. */
  cancel(businessId: string, id: string, now: Date): Promise<Campaign | null> {
    return this.move(businessId, id, `status = 'cancelled', cancelled_at = $3`, `status IN ('draft', 'scheduled', 'sending')`, [now]);
  }

  /** Scheduled campaigns whose time has come (their delayed start job may be lost). */
  async due(now: Date, limit: number): Promise<(CampaignRef & { scheduledAt: Date })[]> {
    const rows = await this.sql<{ business_id: string; id: string; scheduled_at: Date }>(
      `SELECT business_id, id, scheduled_at FROM campaigns WHERE status = $1 AND scheduled_at <= $2 ORDER BY scheduled_at LIMIT $3`,
      [CampaignStatus.scheduled, now, limit],
    );
    return rows.map((r) => ({ businessId: r.business_id, id: r.id, scheduledAt: r.scheduled_at }));
  }

  /** Sending campaigns with no batch committed since `before` (their next batch job was lost, or its worker died). */
  async stalled(before: Date, limit: number): Promise<(CampaignRef & { batchesDone: number })[]> {
    const rows = await this.sql<{ business_id: string; id: string; batches_done: number }>(
      `SELECT business_id, id, batches_done FROM campaigns WHERE status = $1 AND updated_at < $2 ORDER BY updated_at LIMIT $3`,
      [CampaignStatus.sending, before, limit],
    );
    return rows.map((r) => ({ businessId: r.business_id, id: r.id, batchesDone: r.batches_done }));
  }
}
