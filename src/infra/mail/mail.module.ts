import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type AppConfig, pickConfig } from '../config/app-config';
import { createMailTransport, MAIL_CONFIG } from './mail-driver.factory';
import { MAIL_TRANSPORT, type MailTransport } from './mail.port';

const transportProvider = {
  provide: MAIL_TRANSPORT,
  inject: [ConfigService],
  useFactory: (config: AppConfig): MailTransport => createMailTransport(pickConfig(config, MAIL_CONFIG)),
};

/** The email port (MAIL_TRANSPORT), its driver chosen at boot from EMAIL_DRIVER; messages are sent by the notifications module. */
@Global()
@Module({
  providers: [transportProvider],
  exports: [MAIL_TRANSPORT],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport & { close?: () => void }) {}

  onApplicationShutdown(): void {
    this.transport.close?.();
  }
}
