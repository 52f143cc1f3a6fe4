import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Keyring } from '../../common/crypto/keyring';
import type { AppConfig } from '../../infra/config/app-config';
import { DeliverWebhookJob } from './deliver-webhook.job';
import { SweepWebhookDeliveriesJob } from './sweep-webhook-deliveries.job';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryLogService } from './webhook-delivery-log.service';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookEventsListener } from './webhook-events.listener';
import { WebhookFanoutService } from './webhook-fanout.service';
import { WebhookHttpClient } from './webhook-http-client';
import { WebhookSender } from './webhook-sender.service';
import { WebhookUrlGuard } from './webhook-url-guard';

/**
 * Outbound webhooks: endpoints a business registers for chosen events, each
 * delivery signed (`ChatGrow-Signature`), retried on a schedule of about a
 * day, logged, redeliverable; endpoints that keep failing are disabled.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery])],
  controllers: [WebhookEndpointsController, WebhookDeliveriesController],
  providers: [
    {
      provide: Keyring,
      inject: [ConfigService],
      useFactory: (config: AppConfig) =>
        Keyring.fromConfig(config.get('ENCRYPTION_KEY', { infer: true })!, config.get('ENCRYPTION_KEYS_RETIRED', { infer: true })),
    },
    {
      // WEBHOOK_ALLOW_PRIVATE_URLS lifts both the https rule and the address check; validateEnv refuses it in production.
      provide: WebhookUrlGuard,
      inject: [ConfigService],
      useFactory: (config: AppConfig) => {
        const relaxed = config.get('WEBHOOK_ALLOW_PRIVATE_URLS', { infer: true });
        return new WebhookUrlGuard({ allowHttp: relaxed, allowPrivate: relaxed });
      },
    },
    {
      provide: WebhookHttpClient,
      inject: [WebhookUrlGuard, ConfigService],
      useFactory: (guard: WebhookUrlGuard, config: AppConfig) =>
        new WebhookHttpClient(guard.lookup, config.get('WEBHOOK_TIMEOUT_MS', { infer: true })),
    },
    WebhookEndpointsRepository,
    WebhookDeliveriesRepository,
    WebhookEndpointsService,
    WebhookFanoutService,
    WebhookDeliveryLogService,
    WebhookSender,
    DeliverWebhookJob,
    SweepWebhookDeliveriesJob,
    WebhookEventsListener,
  ],
})
export class OutboundWebhooksModule {}
