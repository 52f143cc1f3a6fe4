import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { PaymentProvider } from '../../../infra/config/env.schema';

export enum NotificationStatus {
  /** Filed; its verification job has not settled it yet. */
  received = 'received',
  /** The gateway confirmed it: the payment is paid. */
  paid = 'paid',
  /** The gateway says the transaction was declined: the payment failed. */
  declined = 'declined',
  /** The gateway does not confirm what it claims, or the amount or reference differ: the payment is flagged. */
  flagged = 'flagged',
  /** Nothing left to do (the payment was settled before, or no payment has this page). */
  ignored = 'ignored',
}

/**
 * The inbox of gateway notifications: each raw notification is filed once per
 * business, provider and gateway transaction key (a repeat counts a delivery),
 * answered at once, and verified by a job that asks the gateway.
 */
@Entity('payment_notifications')
@Index('uq_payment_notifications_key', ['businessId', 'provider', 'key'], { unique: true })
export class PaymentNotification extends TenantEntity {
  @Column('varchar', { length: 16 })
  provider: PaymentProvider;

  @Column('varchar', { length: 120 })
  key: string;

  @Column('varchar', { length: 100 })
  gatewayReference: string;

  /** The fields the driver needs again to verify or acknowledge. */
  @Column('jsonb', { default: {} })
  fields: Record<string, string>;

  /** The body as it arrived (bytes as UTF-8 text), for whoever investigates. */
  @Column('text')
  raw: string;

  @Column('varchar', { length: 100, nullable: true })
  contentType: string | null;

  @Column('integer', { default: 1 })
  deliveries: number;

  @Column('varchar', { length: 16, default: NotificationStatus.received })
  status: NotificationStatus;

  @Column('uuid', { nullable: true })
  paymentId: string | null;

  @Column('varchar', { length: 300, nullable: true })
  outcome: string | null;

  @Column('timestamptz', { nullable: true })
  verifiedAt: Date | null;

  /** When the gateway was told we took it (Grow's approveTransaction); null where none is asked. */
  @Column('timestamptz', { nullable: true })
  acknowledgedAt: Date | null;
}
