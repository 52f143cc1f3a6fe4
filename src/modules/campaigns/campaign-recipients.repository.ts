import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import { RECIPIENT_PREDECESSORS, RecipientStatus } from './campaign.types';
import { CampaignRecipient } from './entities/campaign-recipient.entity';

/** Who a campaign sends to: a segment's customers or a list's subscribers; the column that names them. */
export type Member = 'customer' | 'subscriber';
const COLUMN: Record<Member, string> = { customer: 'customer_id', subscriber: 'subscriber_id' };

export interface RecipientOutcome {
  memberId: string;
  status: RecipientStatus;
  error: string | null;
}

/** Per status, how many recipients; and how many opened, clicked, unsubscribed. */
export interface RecipientTally {
  byStatus: Partial<Record<RecipientStatus, number>>;
  opened: number;
  clicked: number;
  unsubscribed: number;
}

/** One row per (campaign, customer); statuses only move forward (RECIPIENT_PREDECESSORS). */
@Injectable()
export class CampaignRecipientsRepository extends TenantRepository<CampaignRecipient> {
  constructor(@InjectRepository(CampaignRecipient) repo: Repository<CampaignRecipient>) {
    super(repo);
  }

  /** Records a batch's recipients; the ones already there (a batch done again) are left as they are. */
  async insertBatch(
    businessId: string,
    campaignId: string,
    member: Member,
    rows: { memberId: string; messageId: string }[],
  ): Promise<void> {
    this.scoped(businessId);
    if (!rows.length) return;
    const column = COLUMN[member];
    await this.sql(
      `INSERT INTO campaign_recipients (business_id, campaign_id, ${column}, message_id)
       SELECT $1, $2, c, m FROM unnest($3::uuid[], $4::uuid[]) AS t(c, m)
       ON CONFLICT (campaign_id, ${column}) DO NOTHING`,
      [businessId, campaignId, rows.map((r) => r.memberId), rows.map((r) => r.messageId)],
    );
  }

  /** Of these customers (or subscribers), the ones whose message is not written yet. */
  async pending(businessId: string, campaignId: string, member: Member, ids: string[]): Promise<{ memberId: string; messageId: string }[]> {
    this.scoped(businessId);
    const column = COLUMN[member];
    const rows = await this.sql<{ member_id: string; message_id: string }>(
      `SELECT ${column} AS member_id, message_id FROM campaign_recipients
       WHERE business_id = $1 AND campaign_id = $2 AND ${column} = ANY($3::uuid[]) AND status = 'pending' ORDER BY ${column}`,
      [businessId, campaignId, ids],
    );
    return rows.map((r) => ({ memberId: r.member_id, messageId: r.message_id }));
  }

  /** What a batch's sends came to, for the rows still `pending` (a delivery report may have moved one on already). */
  async settle(businessId: string, campaignId: string, member: Member, outcomes: RecipientOutcome[]): Promise<void> {
    this.scoped(businessId);
    if (!outcomes.length) return;
    await this.sql(
      `UPDATE campaign_recipients r SET status = o.s, error = o.e
       FROM unnest($3::uuid[], $4::text[], $5::text[]) AS o(c, s, e)
       WHERE r.business_id = $1 AND r.campaign_id = $2 AND r.${COLUMN[member]} = o.c AND r.status = 'pending'`,
      [businessId, campaignId, outcomes.map((o) => o.memberId), outcomes.map((o) => o.status), outcomes.map((o) => o.error)],
    );
  }

  /** The message's recipient moves to `status` if that is forward; false when the message is no campaign's or it was further on. */
  async moveByMessage(businessId: string, messageId: string, status: RecipientStatus, error: string | null): Promise<boolean> {
    this.scoped(businessId);
    if (!isUuid(messageId)) return false;
    const rows = await this.sql(
      `UPDATE campaign_recipients SET status = $3, error = COALESCE($4, error)
       WHERE business_id = $1 AND message_id = $2 AND status = ANY($5::text[]) RETURNING id`,
      [businessId, messageId, status, error?.slice(0, 300) ?? null, RECIPIENT_PREDECESSORS[status]],
    );
    return rows.length > 0;
  }

  /**
   * Recipients still `queued` with no change since `before`, of campaigns that finished fanning out:
   * their message's later status may have been missed (its event is in-process: a worker that died
   * right after sending took it along). The sweeper reads these messages' status from the log.
   */
  async staleQueued(before: Date, limit: number): Promise<{ businessId: string; messageId: string }[]> {
    const rows = await this.sql<{ business_id: string; message_id: string }>(
      `SELECT r.business_id, r.message_id FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id
       WHERE c.status IN ('sent', 'cancelled') AND r.status = 'queued' AND r.updated_at < $1 ORDER BY r.updated_at LIMIT $2`,
      [before, limit],
    );
    return rows.map((r) => ({ businessId: r.business_id, messageId: r.message_id }));
  }

  /** Stamps a recipient as looked at (the trigger moves updated_at), so the next sweep reads others first. */
  async touch(businessId: string, messageId: string): Promise<void> {
    this.scoped(businessId);
    await this.sql(`UPDATE campaign_recipients SET status = status WHERE business_id = $1 AND message_id = $2`, [businessId, messageId]);
  }

  /** Recipients whose message has not left yet become `cancelled`; their message ids. */
  async cancelUnsent(businessId: string, campaignId: string): Promise<string[]> {
    this.scoped(businessId);
    const rows = await this.sql<{ message_id: string }>(
      `UPDATE campaign_recipients SET status = 'cancelled'
       WHERE business_id = $1 AND campaign_id = $2 AND status IN ('pending', 'queued') RETURNING message_id`,
      [businessId, campaignId],
    );
    return rows.map((r) => r.message_id);
  }

  async tally(businessId: string, campaignId: string): Promise<RecipientTally> {
    this.scoped(businessId);
    const rows = await this.sql<{ status: RecipientStatus; n: string; opened: string; clicked: string; unsubscribed: string }>(
      `SELECT status, count(*) AS n, count(opened_at) AS opened, count(clicked_at) AS clicked, count(unsubscribed_at) AS unsubscribed
       FROM campaign_recipients WHERE business_id = $1 AND campaign_id = $2 GROUP BY status`,
      [businessId, campaignId],
    );
    const tally: RecipientTally = { byStatus: {}, opened: 0, clicked: 0, unsubscribed: 0 };
    for (const r of rows) {
      tally.byStatus[r.status] = Number(r.n);
      tally.opened += Number(r.opened);
      tally.clicked += Number(r.clicked);
      tally.unsubscribed += Number(r.unsubscribed);
    }
    return tally;
  }

  /** The recipient of a campaign message (tracking links name the message), with the campaign's tracking switches. */
  async trackingOf(messageId: string): Promise<{ id: string; trackOpens: boolean; trackClicks: boolean } | null> {
    if (!isUuid(messageId)) return null;
    const [row] = await this.sql<{ id: string; track_opens: boolean; track_clicks: boolean }>(
      `SELECT r.id, c.track_opens, c.track_clicks FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id WHERE r.message_id = $1`,
      [messageId],
    );
    return row ? { id: row.id, trackOpens: row.track_opens, trackClicks: row.track_clicks } : null;
  }

  /** The first open counts; later ones change nothing. */
  async recordOpen(id: string, at: Date): Promise<boolean> {
    const rows = await this.sql(`UPDATE campaign_recipients SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL RETURNING id`, [id, at]);
    return rows.length > 0;
  }

  /** The first click counts (and is an open, when the pixel was not loaded). */
  async recordClick(id: string, at: Date): Promise<boolean> {
    const rows = await this.sql(
      `UPDATE campaign_recipients SET clicked_at = $2, opened_at = COALESCE(opened_at, $2) WHERE id = $1 AND clicked_at IS NULL RETURNING id`,
      [id, at],
    );
    return rows.length > 0;
  }

  /**
   * A customer withdrew consent: the latest campaign on the channel (any, when not known) that reached them
   * in the last `withinDays` counts the unsubscribe, once.
   */
  async markUnsubscribed(
    businessId: string,
    who: { customerId: string | null; subscriberId?: string | null },
    channel: string | null,
    at: Date,
    withinDays: number,
  ): Promise<boolean> {
    this.scoped(businessId);
    const customerId = who.customerId && isUuid(who.customerId) ? who.customerId : null;
    const subscriberId = who.subscriberId && isUuid(who.subscriberId) ? who.subscriberId : null;
    if (!customerId && !subscriberId) return false;
    const rows = await this.sql(
      `UPDATE campaign_recipients SET unsubscribed_at = $4 WHERE id = (
         SELECT r.id FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id
         WHERE r.business_id = $1 AND (r.customer_id = $2::uuid OR r.subscriber_id = $6::uuid) AND ($3::text IS NULL OR c.channel = $3)
           AND r.status IN ('sent', 'delivered') AND r.created_at > $4::timestamptz - make_interval(days => $5)
         ORDER BY r.created_at DESC LIMIT 1)
       AND unsubscribed_at IS NULL RETURNING id`,
      [businessId, customerId, channel, at, withinDays, subscriberId],
    );
    return rows.length > 0;
  }
}
