import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Keyring } from '../../common/crypto/keyring';
import type { AppConfig } from '../../infra/config/app-config';
import { PaymentProvider } from '../../infra/config/env.schema';
import { CustomersModule } from '../customers/customers.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { PaymentEvent } from './entities/payment-event.entity';
import { PaymentSettings } from './entities/payment-settings.entity';
import { Payment } from './entities/payment.entity';
import { PaymentEventsRepository } from './payment-events.repository';
import { PaymentsController } from './payments.controller';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';
import { createPaymentGateways } from './gateways/payment-gateways.factory';
import { PAYMENT_GATEWAYS } from './gateways/payment-gateway.port';
import { SandboxPageController } from './gateways/sandbox/sandbox-page.controller';
import { SandboxLedgerRepository } from './gateways/sandbox/sandbox-ledger.repository';
import { SandboxTransaction } from './gateways/sandbox/sandbox-transaction.entity';
import { SandboxPaymentGateway } from './gateways/sandbox/sandbox.payment-gateway';
import { TranzilaPaymentGateway } from './gateways/tranzila/tranzila.payment-gateway';
import { PaymentSettingsController } from './settings/payment-settings.controller';
import { PaymentSettingsRepository } from './settings/payment-settings.repository';
import { PaymentSettingsService } from './settings/payment-settings.service';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentSettings, SandboxTransaction, Payment, PaymentEvent]), CustomersModule, IdempotencyModule],
  controllers: [PaymentSettingsController, PaymentsController, SandboxPageController],
  providers: [
    {
      provide: Keyring,
      useFactory: (config: AppConfig) =>
        Keyring.fromConfig(config.get('ENCRYPTION_KEY', { infer: true })!, config.get('ENCRYPTION_KEYS_RETIRED', { infer: true })),
      inject: [ConfigService],
    },
    PaymentSettingsRepository,
    PaymentsRepository,
    PaymentEventsRepository,
    PaymentsService,
    PaymentSettingsService,
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
          [PaymentProvider.tranzila]: TranzilaPaymentGateway.fromConfig(config),
        }),
      inject: [ConfigService, SandboxPaymentGateway],
    },
  ],
  exports: [PaymentSettingsService],
})
export class PaymentsModule {}
