import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import type { AudienceRule } from '../../customers/audience/audience-rule';
import type { WhatsAppTemplateRef } from '../../notifications/message.types';
import type { MessageLocale } from '../../notifications/notification.types';
import { CampaignStatus, type CampaignChannel } from '../campaign.types';

/**
 * A message to an audience: who (a segment, its rule copied when sending
 * starts), what (Liquid subject/body/html rendered per recipient), when, and
 * how far the fan-out got (`cursor`: the last customer id queued;
 * `batchesDone`), so a restart resumes from the last committed batch.
 */
@Entity('campaigns')
@Index('ix_campaigns_business_created', ['businessId', 'createdAt'])
@Index('ix_campaigns_status_scheduled', ['status', 'scheduledAt'])
export class Campaign extends TenantEntity {
  @Column('varchar', { length: 120 })
  name: string;

  @Column('varchar', { length: 20 })
  channel: CampaignChannel;

  @Column('uuid', { nullable: true })
  segmentId: string | null;

  /** Or a subscribers list (`lists` of the subscribers): its members with an address on the channel. */
  @Column('varchar', { length: 60, nullable: true })
  subscriberList: string | null;

  /** The segment's rule as it was when sending started: the audience does not move under a running campaign. */
  @Column('jsonb', { nullable: true })
  audienceRule: AudienceRule | null;

  @Column('varchar', { length: 300, nullable: true })
  subject: string | null;

  @Column('text')
  body: string;

  @Column('text', { nullable: true })
  html: string | null;

  /**
   * WhatsApp: the approved template it goes as (parameters are Liquid, per recipient), so it may reach
   * people outside the 24-hour window; null: the body as free text (only those inside the window).
   */
  @Column('jsonb', { nullable: true })
  whatsappTemplate: WhatsAppTemplateRef | null;

  /** Null: each recipient's language (else the business's). */
  @Column('varchar', { length: 2, nullable: true })
  locale: MessageLocale | null;

  @Column('varchar', { length: 20, default: CampaignStatus.draft })
  status: CampaignStatus;

  @Column('timestamptz', { nullable: true })
  scheduledAt: Date | null;

  @Column('boolean', { default: false })
  trackOpens: boolean;

  @Column('boolean', { default: false })
  trackClicks: boolean;

  @Column('uuid', { nullable: true })
  cursor: string | null;

  @Column('integer', { default: 0 })
  batchesDone: number;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;
}
