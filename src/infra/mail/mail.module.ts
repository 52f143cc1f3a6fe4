import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config';
import { createMailTransport } from './mail-transport.factory';
import { MailSendJob } from './mail-send.job';
import { MAIL_TRANSPORT, type MailTransport } from './mail.port';
import { MailerService } from './mailer.service';

const transportProvider = {
  provide: MAIL_TRANSPORT,
  inject: [ConfigService],
  useFactory: (config: AppConfig): MailTransport =>
    createMailTransport({
      EMAIL_DRIVER: config.get('EMAIL_DRIVER', { infer: true }),
      EMAIL_FROM: config.get('EMAIL_FROM', { infer: true }),
      OUTBOX_DIR: config.get('OUTBOX_DIR', { infer: true }),
      SMTP_URL: config.get('SMTP_URL', { infer: true }),
    }),
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
