import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityModule } from '../activity/activity.module';
import { AppointmentsModule } from '../appointments/appointments.module';
import { BusinessEventsModule } from '../business-events/business-events.module';
import { BusinessModule } from '../business/business.module';
import { CalendarsModule } from '../calendars/calendars.module';
import { CustomersModule } from '../customers/customers.module';
import { SubscribersModule } from '../subscribers/subscribers.module';
import { AccountNotificationsListener } from './account-notifications.listener';
import { AppointmentNotificationsListener } from './appointment-notifications.listener';
import { ChannelDispatcher } from './channel-dispatcher';
import { ContactNotificationsListener } from './contact-notifications.listener';
import { DeliveryReportsService } from './delivery-reports.service';
import { MessageActivityListener } from './message-activity.listener';
import { MessageLogService } from './message-log.service';
import { MessageSender } from './message-sender.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RecipientsService } from './recipients.service';
import { RegistrationNotificationsListener } from './registration-notifications.listener';
import { SendEmailJob, SendSmsJob, SendWhatsAppJob } from './send-message.jobs';
import { NotificationSettingsController } from './settings/notification-settings.controller';
import { NotificationSettings } from './settings/notification-settings.entity';
import { NotificationSettingsRepository } from './settings/notification-settings.repository';
import { NotificationSettingsService } from './settings/notification-settings.service';
import { NotificationTemplatesModule } from './templates/notification-templates.module';
import { keyringProvider } from '../../common/crypto/keyring.provider';
import { WhatsAppContact } from './whatsapp/entities/whatsapp-contact.entity';
import { WhatsAppSettings } from './whatsapp/entities/whatsapp-settings.entity';
import { WhatsAppTemplateMapping } from './whatsapp/entities/whatsapp-template-mapping.entity';
import { WhatsAppTemplate } from './whatsapp/entities/whatsapp-template.entity';
import { WhatsAppContactsRepository } from './whatsapp/whatsapp-contacts.repository';
import { WhatsAppSettingsController } from './whatsapp/whatsapp-settings.controller';
import { WhatsAppSettingsRepository } from './whatsapp/whatsapp-settings.repository';
import { WhatsAppSettingsService } from './whatsapp/whatsapp-settings.service';
import { WhatsAppTemplateMappingsRepository } from './whatsapp/whatsapp-template-mappings.repository';
import { WhatsAppTemplatesController } from './whatsapp/whatsapp-templates.controller';
import { WhatsAppTemplatesRepository } from './whatsapp/whatsapp-templates.repository';
import { WhatsAppTemplatesService } from './whatsapp/whatsapp-templates.service';
import { WhatsAppWindowService } from './whatsapp/whatsapp-window.service';

/**
 * Messages to people: the message log, sending through the channel ports with
 * retries, consent and quiet hours, the per-business settings (WhatsApp's
 * account, templates and 24-hour window among them), and the
 * listeners that turn domain events into messages. Templates and the
 * providers' delivery webhooks are their own modules beside it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationSettings, WhatsAppSettings, WhatsAppTemplate, WhatsAppTemplateMapping, WhatsAppContact]),
    NotificationTemplatesModule,
    ActivityModule,
    AppointmentsModule,
    BusinessEventsModule,
    BusinessModule,
    CalendarsModule,
    CustomersModule,
    SubscribersModule,
  ],
  controllers: [NotificationsController, NotificationSettingsController, WhatsAppSettingsController, WhatsAppTemplatesController],
  providers: [
    NotificationsService,
    MessageLogService,
    MessageSender,
    DeliveryReportsService,
    ChannelDispatcher,
    RecipientsService,
    NotificationSettingsRepository,
    NotificationSettingsService,
    SendEmailJob,
    SendSmsJob,
    SendWhatsAppJob,
    keyringProvider,
    WhatsAppSettingsRepository,
    WhatsAppSettingsService,
    WhatsAppTemplatesRepository,
    WhatsAppTemplateMappingsRepository,
    WhatsAppTemplatesService,
    WhatsAppContactsRepository,
    WhatsAppWindowService,
    AppointmentNotificationsListener,
    RegistrationNotificationsListener,
    ContactNotificationsListener,
    AccountNotificationsListener,
    MessageActivityListener,
  ],
  exports: [
    NotificationsService,
    MessageLogService,
    DeliveryReportsService,
    NotificationSettingsService,
    WhatsAppSettingsService,
    WhatsAppWindowService,
  ],
})
export class NotificationsModule {}
