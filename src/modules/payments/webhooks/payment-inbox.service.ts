import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AppException, NotFoundAppException } from '../../../common/problem/app.exception';
import { PaymentProvider } from '../../../infra/config/env.schema';
import { JobQueueService } from '../../../infra/queue/job-queue.service';
import { JobName } from '../../../infra/queue/job-names';
import { NotificationStatus } from '../entities/payment-notification.entity';
import { PAYMENT_GATEWAYS, type PaymentGateways } from '../gateways/payment-gateway.port';
import { PaymentNotificationsRepository } from '../payment-notifications.repository';
import { PaymentSettingsService } from '../settings/payment-settings.service';

const PROVIDERS = new Set<string>(Object.values(PaymentProvider));

export interface ArrivedNotification {
  provider: string;
  token: string;
  body: unknown;
  raw: Buffer | undefined;
  contentType: string | undefined;
}

/**
 * The webhook's side: the business by its secret token, the body read by the
 * provider's driver, the raw notification filed in the inbox once per
 * transaction key, and its verification queued. Nothing here trusts the body:
 * the job asks the gateway.
 */
@Injectable()
export class PaymentInboxService {
  constructor(
    private readonly settings: PaymentSettingsService,
    private readonly notifications: PaymentNotificationsRepository,
    private readonly jobs: JobQueueService,
    @Inject(PAYMENT_GATEWAYS) private readonly gateways: PaymentGateways,
  ) {}

  async receive(n: ArrivedNotification): Promise<void> {
    const businessId = PROVIDERS.has(n.provider) ? await this.settings.businessForWebhook(n.token) : null;
    if (!businessId) throw new NotFoundAppException('payment_webhook');
    const provider = n.provider as PaymentProvider;
    const parsed = this.gateways.for(provider).parseNotification(n.body);
    if (!parsed)
      throw new AppException(HttpStatus.BAD_REQUEST, 'payment.notification_unreadable', `Not a ${provider} payment notification`, [
        { field: 'body', message: `is not a ${provider} notification` },
      ]);
    const filed = await this.notifications.file(businessId, {
      provider,
      key: parsed.key.slice(0, 120),
      gatewayReference: parsed.gatewayReference.slice(0, 100),
      fields: parsed.fields,
      raw: n.raw ? n.raw.toString('utf8') : JSON.stringify(n.body ?? null),
      contentType: n.contentType?.slice(0, 100) ?? null,
    });
    // Every delivery of a notification not yet settled asks for its verification; the job id makes it one job.
    if (filed.status === NotificationStatus.received || filed.status === NotificationStatus.paid)
      await this.jobs.enqueue(
        JobName.VerifyPaymentNotification,
        { businessId, notificationId: filed.id },
        { jobId: `payment-notification-${filed.id}` },
      );
  }
}
