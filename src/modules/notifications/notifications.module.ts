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
import { SendEmailJob, SendSmsJob } from './send-message.jobs';
import { NotificationSettingsController } from './settings/notification-settings.controller';
import { NotificationSettings } from './settings/notification-settings.entity';
import { NotificationSettingsRepository } from './settings/notification-settings.repository';
import { NotificationSettingsService } from './settings/notification-settings.service';
import { NotificationTemplatesModule } from './templates/notification-templates.module';

/**
 * Messages to people: the message log, sending through the channel ports with
 * retries, consent and quiet hours, the per-business settings, and the
 * listeners that turn domain events into messages. Templates and the
 * providers' delivery webhooks are their own modules beside it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationSettings]),
    NotificationTemplatesModule,
    ActivityModule,
    AppointmentsModule,
    BusinessEventsModule,
    BusinessModule,
    CalendarsModule,
    CustomersModule,
    SubscribersModule,
  ],
  controllers: [NotificationsController, NotificationSettingsController],
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
    AppointmentNotificationsListener,
    RegistrationNotificationsListener,
    ContactNotificationsListener,
    AccountNotificationsListener,
    MessageActivityListener,
  ],
  exports: [NotificationsService, MessageLogService, DeliveryReportsService, NotificationSettingsService],
})
export class NotificationsModule {}
