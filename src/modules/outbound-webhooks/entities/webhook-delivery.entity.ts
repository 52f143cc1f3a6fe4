import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export enum WebhookDeliveryStatus {
  pending = 'pending',
  succeeded = 'succeeded',
  failed = 'failed',
}

/** The event envelope as it is sent (the body of every attempt). */
export interface WebhookEnvelope {
  id: string;
  type: string;
  createdAt: string;
  businessId: string;
  data: Record<string, unknown>;
}

/**
 * One event for one endpoint, and how its delivery went (the delivery log).
 * An event is delivered once per endpoint: (endpoint, event id) is unique.
 * `series` counts manual redeliveries: each starts a new series of attempts.
 */
@Entity('webhook_deliveries')
@Index('uq_webhook_deliveries_endpoint_event', ['endpointId', 'eventId'], { unique: true })
@Index('idx_webhook_deliveries_endpoint_created', ['endpointId', 'createdAt'])
@Index('idx_webhook_deliveries_pending_due', ['nextAttemptAt'], { where: `status = 'pending'` })
export class WebhookDelivery extends TenantEntity {
  @Column('uuid')
  endpointId: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpoint;

  @Column('uuid')
  eventId: string;

  @Column('varchar', { length: 64 })
  eventType: string;

  @Column('jsonb')
  payload: WebhookEnvelope;

  @Column('varchar', { length: 16, default: WebhookDeliveryStatus.pending })
  status: WebhookDeliveryStatus;

  /** Attempts made in the current series. */
  @Column('integer', { default: 0 })
  attempts: number;

  @Column('integer', { default: 0 })
  series: number;

  @Column('timestamptz', { nullable: true })
  nextAttemptAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastAttemptAt: Date | null;

  @Column('integer', { nullable: true })
  lastStatusCode: number | null;

  @Column('varchar', { length: 500, nullable: true })
  lastError: string | null;

  /** The start of the last answer's body (1 KiB at most). */
  @Column('text', { nullable: true })
  responseSnippet: string | null;

  @Column('integer', { nullable: true })
  durationMs: number | null;

  @Column('timestamptz', { nullable: true })
  deliveredAt: Date | null;
}
