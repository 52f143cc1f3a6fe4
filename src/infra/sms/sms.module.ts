import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type AppConfig, pickConfig } from '../config/app-config';
import { createSmsTransport, SMS_CONFIG } from './sms-driver.factory';
import { SMS_TRANSPORT, type SmsTransport } from './sms.port';

const transportProvider = {
  provide: SMS_TRANSPORT,
  inject: [ConfigService],
  useFactory: (config: AppConfig): SmsTransport => createSmsTransport(pickConfig(config, SMS_CONFIG)),
};

/** The SMS port (SMS_TRANSPORT), with the driver SMS_DRIVER chooses. */
@Global()
@Module({
  providers: [transportProvider],
  exports: [SMS_TRANSPORT],
})
export class SmsModule {}
