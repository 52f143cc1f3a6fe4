import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type AppConfig, pickConfig } from '../config/app-config';
import { createMailTransport, MAIL_CONFIG } from './mail-driver.factory';
import { MailSendJob } from './mail-send.job';
import { MAIL_TRANSPORT, type MailTransport } from './mail.port';
import { MailerService } from './mailer.service';

const transportProvider = {
  provide: MAIL_TRANSPORT,
  inject: [ConfigService],
  useFactory: (config: AppConfig): MailTransport => createMailTransport(pickConfig(config, MAIL_CONFIG)),
};

/** The email port (MAIL_TRANSPORT), the `mail.send` job that uses it, and `MailerService` to queue mail. */
@Global()
@Module({
  providers: [transportProvider, MailSendJob, MailerService],
  exports: [MAIL_TRANSPORT, MailerService],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport & { close?: () => void }) {}

  onApplicationShutdown(): void {
    this.transport.close?.();
  }
}
