import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { keyringProvider } from '../../common/crypto/keyring.provider';
import type { AppConfig } from '../../infra/config/app-config';
import { PaymentProvider } from '../../infra/config/env.schema';
import { ActivityModule } from '../activity/activity.module';
import { AppointmentsModule } from '../appointments/appointments.module';
import { BusinessEventsModule } from '../business-events/business-events.module';
import { CustomersModule } from '../customers/customers.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PaymentEvent } from './entities/payment-event.entity';
import { PaymentNotification } from './entities/payment-notification.entity';
import { PaymentRefund } from './entities/payment-refund.entity';
import { PaymentSettings } from './entities/payment-settings.entity';
import { Payment } from './entities/payment.entity';
import { PaymentEventsRepository } from './payment-events.repository';
import { PaymentsController } from './payments.controller';
import { PaymentReturnController } from './payment-return.controller';
import { PaymentNotificationsRepository } from './payment-notifications.repository';
import { PaymentPipelineService } from './payment-pipeline.service';
import { PaymentRefundsRepository } from './payment-refunds.repository';
import { PaymentRefundsService } from './payment-refunds.service';
import { PaymentSettlementService } from './payment-settlement.service';
import {
  CheckPaymentJob,
  CreditPaymentRefundsJob,
  IssuePaymentDocumentJob,
  SendPaymentReceiptJob,
  SweepPaymentsJob,
  VerifyPaymentNotificationJob,
} from './payments.jobs';
import { PaymentInboxService } from './webhooks/payment-inbox.service';
import { PaymentWebhookController } from './webhooks/payment-webhook.controller';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';
import { PaymentStatsService } from './payment-stats.service';
import { CardcomPaymentGateway } from './gateways/cardcom/cardcom.payment-gateway';
import { createPaymentGateways } from './gateways/payment-gateways.factory';
import { PAYMENT_GATEWAYS } from './gateways/payment-gateway.port';
import { GrowPaymentGateway } from './gateways/grow/grow.payment-gateway';
import { SandboxPageController } from './gateways/sandbox/sandbox-page.controller';
import { SandboxLedgerRepository } from './gateways/sandbox/sandbox-ledger.repository';
import { SandboxTransaction } from './gateways/sandbox/sandbox-transaction.entity';
import { SandboxPaymentGateway } from './gateways/sandbox/sandbox.payment-gateway';
import { TranzilaPaymentGateway } from './gateways/tranzila/tranzila.payment-gateway';
import { PaymentSettingsController } from './settings/payment-settings.controller';
import { PaymentSettingsRepository } from './settings/payment-settings.repository';
import { PaymentSettingsService } from './settings/payment-settings.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PaymentSettings, SandboxTransaction, Payment, PaymentEvent, PaymentNotification, PaymentRefund]),
    ActivityModule,
    AppointmentsModule,
    BusinessEventsModule,
    CustomersModule,
    IdempotencyModule,
    InvoicesModule,
    NotificationsModule,
  ],
  controllers: [PaymentSettingsController, PaymentReturnController, PaymentsController, PaymentWebhookController, SandboxPageController],
  providers: [
    keyringProvider,
    PaymentSettingsRepository,
    PaymentsRepository,
    PaymentEventsRepository,
    PaymentsService,
    PaymentStatsService,
    PaymentSettingsService,
    PaymentNotificationsRepository,
    PaymentRefundsRepository,
    PaymentSettlementService,
    PaymentPipelineService,
    PaymentRefundsService,
    PaymentInboxService,
    VerifyPaymentNotificationJob,
    CheckPaymentJob,
    IssuePaymentDocumentJob,
    SendPaymentReceiptJob,
    CreditPaymentRefundsJob,
    SweepPaymentsJob,
    SandboxLedgerRepository,
    {
      provide: SandboxPaymentGateway,
      useFactory: (ledger: SandboxLedgerRepository, config: AppConfig) =>
        new SandboxPaymentGateway(ledger, config.get('PUBLIC_URL', { infer: true }).replace(/\/+$/, '')),
      inject: [SandboxLedgerRepository, ConfigService],
    },
    {
      provide: PAYMENT_GATEWAYS,
      useFactory: (config: AppConfig, sandbox: SandboxPaymentGateway) =>
        createPaymentGateways(config.get('PAYMENT_PROVIDER', { infer: true }) as PaymentProvider, {
          [PaymentProvider.sandbox]: sandbox,
          [PaymentProvider.cardcom]: new CardcomPaymentGateway(config.get('CARDCOM_API_URL', { infer: true })),
          [PaymentProvider.grow]: new GrowPaymentGateway(config.get('GROW_API_URL', { infer: true })),
          [PaymentProvider.tranzila]: TranzilaPaymentGateway.fromConfig(config),
        }),
      inject: [ConfigService, SandboxPaymentGateway],
    },
  ],
  exports: [PaymentSettingsService, PaymentStatsService],
})
export class PaymentsModule {}
