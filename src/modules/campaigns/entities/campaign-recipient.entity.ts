import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { Customer } from '../../customers/entities/customer.entity';
import { Subscriber } from '../../subscribers/entities/subscriber.entity';
import { RecipientStatus } from '../campaign.types';
import { Campaign } from './campaign.entity';

/**
 * One customer (or list subscriber) a campaign selected, and what became of their message.
 * UNIQUE (campaign, customer) is the idempotency backbone: a batch done twice
 * (a crash, a duplicate job) finds its rows and sends nobody twice.
 */
@Entity('campaign_recipients')
@Index('uq_campaign_recipients_campaign_customer', ['campaignId', 'customerId'], { unique: true })
@Index('uq_campaign_recipients_message', ['messageId'], { unique: true })
@Index('uq_campaign_recipients_campaign_subscriber', ['campaignId', 'subscriberId'], { unique: true })
@Index('ix_campaign_recipients_customer', ['customerId'])
@Index('ix_campaign_recipients_subscriber', ['subscriberId'])
export class CampaignRecipient extends TenantEntity {
  @Column('uuid')
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  /** The customer (a segment's member), or null for a list subscriber. */
  @Column('uuid', { nullable: true })
  customerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  /** The subscriber (a list's member), or null for a customer. */
  @Column('uuid', { nullable: true })
  subscriberId: string | null;

  @ManyToOne(() => Subscriber, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscriber_id' })
  subscriber?: Subscriber;

  /** The message's id in the log (deterministic from the campaign and the customer). */
  @Column('uuid')
  messageId: string;

  @Column('varchar', { length: 20, default: RecipientStatus.pending })
  status: RecipientStatus;

  /** Why it was not sent, or how it failed. */
  @Column('varchar', { length: 300, nullable: true })
  error: string | null;

  @Column('timestamptz', { nullable: true })
  openedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  clickedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  unsubscribedAt: Date | null;
}
