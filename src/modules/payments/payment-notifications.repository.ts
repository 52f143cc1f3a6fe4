import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import type { PaymentProvider } from '../../infra/config/env.schema';
import { NotificationStatus, PaymentNotification } from './entities/payment-notification.entity';

export interface FiledNotification {
  id: string;
  status: NotificationStatus;
  deliveries: number;
}

@Injectable()
export class PaymentNotificationsRepository extends TenantRepository<PaymentNotification> {
  constructor(@InjectRepository(PaymentNotification) repo: Repository<PaymentNotification>) {
    super(repo);
  }

  /** Files a notification, once per business, provider and key; a repeat only counts a delivery. One statement. */
  async file(
    businessId: string,
    n: {
      provider: PaymentProvider;
      key: string;
      gatewayReference: string;
      fields: Record<string, string>;
      raw: string;
      contentType: string | null;
    },
  ): Promise<FiledNotification> {
    const rows = await this.sql<FiledNotification>(
      `INSERT INTO payment_notifications (business_id, provider, key, gateway_reference, fields, raw, content_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (business_id, provider, key) DO UPDATE SET deliveries = payment_notifications.deliveries + 1
       RETURNING id, status, deliveries`,
      [businessId, n.provider, n.key, n.gatewayReference, JSON.stringify(n.fields), n.raw, n.contentType],
    );
    return rows[0];
  }

  /** The verification's outcome. */
  async settle(
    businessId: string,
    id: string,
    status: NotificationStatus,
    paymentId: string | null,
    outcome: string | null,
  ): Promise<void> {
    await this.sql(
      `UPDATE payment_notifications SET status = $3, payment_id = $4, outcome = $5, verified_at = now() WHERE business_id = $1 AND id = $2`,
      [businessId, id, status, paymentId, outcome?.slice(0, 300) ?? null],
    );
  }

  async acknowledged(businessId: string, id: string): Promise<void> {
    await this.sql(`UPDATE payment_notifications SET acknowledged_at = now() WHERE business_id = $1 AND id = $2`, [businessId, id]);
  }
}
