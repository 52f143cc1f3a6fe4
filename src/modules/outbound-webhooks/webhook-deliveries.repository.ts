import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import { WebhookDelivery, WebhookDeliveryStatus, type WebhookEnvelope } from './entities/webhook-delivery.entity';
import { WebhookEndpointStatus } from './entities/webhook-endpoint.entity';

@Injectable()
export class WebhookDeliveriesRepository extends TenantRepository<WebhookDelivery> {
  constructor(@InjectRepository(WebhookDelivery) repo: Repository<WebhookDelivery>) {
    super(repo);
  }

  /**
   * One pending delivery of `envelope` for each enabled endpoint of the
   * business subscribed to its type (by name or `*`), chosen and inserted in
   * one statement (one round trip per event, whether or not anything
   * subscribes). Answers the rows inserted.
   */
  async insertForSubscribers(businessId: string, envelope: WebhookEnvelope, all: string): Promise<{ id: string }[]> {
    const rows: unknown = await this.repo.query(
      `INSERT INTO webhook_deliveries (business_id, endpoint_id, event_id, event_type, payload, status, next_attempt_at)
       SELECT e.business_id, e.id, $2::uuid, $3::varchar, $4::jsonb, $5::varchar, now()
         FROM webhook_endpoints e
        WHERE e.business_id = $1 AND e.status = $6::varchar AND e.event_types && ARRAY[$3::text, $7::text]
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [
        this.scoped(businessId).businessId,
        envelope.id,
        envelope.type,
        JSON.stringify(envelope),
        WebhookDeliveryStatus.pending,
        WebhookEndpointStatus.enabled,
        all,
      ],
    );
    return rows as { id: string }[];
  }

  /**
   * One pending delivery of `envelope` per endpoint; an (endpoint, event) that
   * already has one is skipped. Answers the rows inserted.
   */
  async insertPending(businessId: string, endpointIds: readonly string[], envelope: WebhookEnvelope, at: Date): Promise<{ id: string }[]> {
    if (endpointIds.length === 0) return [];
    const tenant = this.scoped(businessId).businessId as string;
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .values(
        endpointIds.map((endpointId) => ({
          businessId: tenant,
          endpointId,
          eventId: envelope.id,
          eventType: envelope.type,
          payload: envelope,
          status: WebhookDeliveryStatus.pending,
          nextAttemptAt: at,
        })) as unknown as QueryDeepPartialEntity<WebhookDelivery>[],
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw as { id: string }[];
  }

  /** The delivery with its endpoint, in one query (every attempt starts here). */
  findWithEndpoint(businessId: string, id: string): Promise<WebhookDelivery | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.repo.findOne({ where: this.scoped(businessId, { id }), relations: { endpoint: true } });
  }

  /** Pending deliveries, of every business, whose next attempt was due before `before` (the sweeper's work), oldest first. */
  async overdue(before: Date, limit: number): Promise<Pick<WebhookDelivery, 'businessId' | 'id' | 'series' | 'attempts'>[]> {
    return this.repo.find({
      select: { businessId: true, id: true, series: true, attempts: true },
      where: { status: WebhookDeliveryStatus.pending, nextAttemptAt: LessThan(before) },
      order: { nextAttemptAt: 'ASC' },
      take: limit,
    });
  }

  pageForEndpoint(
    businessId: string,
    endpointId: string,
    status: WebhookDeliveryStatus | undefined,
    page: { offset: number; limit: number },
  ): Promise<[WebhookDelivery[], number]> {
    return this.findPage(
      businessId,
      { where: { endpointId, ...(status ? { status } : {}) }, order: { createdAt: 'DESC', id: 'DESC' } },
      page,
    );
  }

  /**
   * Writes an attempt's outcome if the delivery is still pending at the
   * attempt before it, in the same series (compare-and-set): a duplicate or
   * stale job writes nothing and learns it lost.
   */
  async recordAttempt(
    businessId: string,
    id: string,
    expected: { series: number; attemptsBefore: number },
    changes: QueryDeepPartialEntity<WebhookDelivery>,
  ): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.repo.update(
      this.scoped(businessId, { id, status: WebhookDeliveryStatus.pending, series: expected.series, attempts: expected.attemptsBefore }),
      changes,
    );
    return (result.affected ?? 0) > 0;
  }

  /** Starts a new series of attempts for a delivery that is not pending; null when it is missing or pending. */
  async restart(businessId: string, id: string, at: Date): Promise<WebhookDelivery | null> {
    if (!isUuid(id)) return null;
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({
        series: () => 'series + 1',
        status: WebhookDeliveryStatus.pending,
        attempts: 0,
        nextAttemptAt: at,
      })
      .where('id = :id AND business_id = :businessId AND status <> :pending', {
        id,
        businessId: this.scoped(businessId).businessId,
        pending: WebhookDeliveryStatus.pending,
      })
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length ? this.findById(businessId, id) : null;
  }
}
