import { Module } from '@nestjs/common';
import { CustomersModule } from '../../customers/customers.module';
import { SubscribersModule } from '../../subscribers/subscribers.module';
import { NotificationsModule } from '../notifications.module';
import { ContactRefusalsService } from './contact-refusals.service';
import { SendGridWebhooksController } from './sendgrid-webhooks.controller';
import { SendGridWebhooksService } from './sendgrid-webhooks.service';
import { TwilioWebhooksController } from './twilio-webhooks.controller';
import { TwilioWebhooksService } from './twilio-webhooks.service';
import { WebhookEventLog } from './webhook-event-log';

/**
 * What the providers tell us after a send, verified by their signatures:
 * Twilio's status callbacks and incoming SMS (STOP, הסר), SendGrid's signed
 * events. Each route is off (404) until its provider's secret is configured.
 */
@Module({
  imports: [NotificationsModule, CustomersModule, SubscribersModule],
  controllers: [TwilioWebhooksController, SendGridWebhooksController],
  providers: [TwilioWebhooksService, SendGridWebhooksService, ContactRefusalsService, WebhookEventLog],
})
export class DeliveryWebhooksModule {}
