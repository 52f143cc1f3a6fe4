import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Keyring } from '../../common/crypto/keyring';
import type { AppConfig } from '../../infra/config/app-config';
import { PaymentSettings } from './entities/payment-settings.entity';
import { PaymentSettingsController } from './settings/payment-settings.controller';
import { PaymentSettingsRepository } from './settings/payment-settings.repository';
import { PaymentSettingsService } from './settings/payment-settings.service';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentSettings])],
  controllers: [PaymentSettingsController],
  providers: [
    {
      provide: Keyring,
      useFactory: (config: AppConfig) =>
        Keyring.fromConfig(config.get('ENCRYPTION_KEY', { infer: true })!, config.get('ENCRYPTION_KEYS_RETIRED', { infer: true })),
      inject: [ConfigService],
    },
    PaymentSettingsRepository,
    PaymentSettingsService,
  ],
  exports: [PaymentSettingsService],
})
export class PaymentsModule {}
