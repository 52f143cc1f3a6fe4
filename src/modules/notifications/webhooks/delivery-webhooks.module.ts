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
import { WhatsAppWebhooksController } from './whatsapp-webhooks.controller';
import { WhatsAppWebhooksService } from './whatsapp-webhooks.service';
import { ActivityModule } from '../../activity/activity.module';

/**
 * What the providers tell us after a send, verified by their signatures:
 * Twilio's status callbacks and incoming SMS (STOP, הסר), SendGrid's signed
 * events, Meta's signed WhatsApp notifications (statuses, inbound messages). Each route is off (404) until its provider's secret is configured.
 */
@Module({
  imports: [NotificationsModule, CustomersModule, SubscribersModule, ActivityModule],
  controllers: [TwilioWebhooksController, SendGridWebhooksController, WhatsAppWebhooksController],
  providers: [TwilioWebhooksService, SendGridWebhooksService, WhatsAppWebhooksService, ContactRefusalsService, WebhookEventLog],
})
export class DeliveryWebhooksModule {}
