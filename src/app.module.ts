import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DomainEventsModule } from './common/domain-events/domain-events.module';
import { AiModule } from './infra/ai/ai.module';
import { AllocationModule } from './infra/allocation/allocation.module';
import type { EnvironmentVariables } from './infra/config/env.schema';
import { DatabaseConnectionModule } from './infra/database/database-connection.module';
import { DatabaseModule } from './infra/database/database.module';
import { DocumentStreamModule } from './infra/document-stream/document-stream.module';
import { MailModule } from './infra/mail/mail.module';
import { QueueModule } from './infra/queue/queue.module';
import { SmsModule } from './infra/sms/sms.module';
import { WhatsAppClientModule } from './infra/whatsapp/whatsapp.module';
import { StorageModule } from './infra/storage/storage.module';
import { ThrottleModule } from './infra/throttle/throttle.module';
import { ActivityModule } from './modules/activity/activity.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AutomationsModule } from './modules/automations/automations.module';
import { AppointmentsModule } from './modules/appointments/appointments.module';
import { AuthModule } from './modules/auth/auth.module';
import { BookingSettingsModule } from './modules/booking-settings/booking-settings.module';
import { BusinessModule } from './modules/business/business.module';
import { CalendarsModule } from './modules/calendars/calendars.module';
import { CustomersModule } from './modules/customers/customers.module';
import { BusinessEventsModule } from './modules/business-events/business-events.module';
import { HealthModule } from './modules/health/health.module';
import { LogsModule } from './modules/logs/logs.module';
import { MaintenanceModule } from './modules/maintenance/maintenance.module';
import { InvoicesModule } from './modules/invoices/invoices.module';
import { OutboundWebhooksModule } from './modules/outbound-webhooks/outbound-webhooks.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { DeliveryWebhooksModule } from './modules/notifications/webhooks/delivery-webhooks.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { SegmentsModule } from './modules/segments/segments.module';
import { CampaignsModule } from './modules/campaigns/campaigns.module';
import { StatsModule } from './modules/stats/stats.module';
import { SubscribersModule } from './modules/subscribers/subscribers.module';

/** Feature modules, in the order their routes appear in the API docs. */
export const FEATURE_MODULES = [
  AuthModule,
  BusinessModule,
  ApiKeysModule,
  CustomersModule,
  CatalogModule,
  CalendarsModule,
  BookingSettingsModule,
  AppointmentsModule,
  SubscribersModule,
  BusinessEventsModule,
  NotificationsModule,
  DeliveryWebhooksModule,
  OutboundWebhooksModule,
  InvoicesModule,
  PaymentsModule,
  SegmentsModule,
  AutomationsModule,
  CampaignsModule,
  StatsModule,
  ActivityModule,
  MaintenanceModule,
  LogsModule,
  HealthModule,
];

@Module({})
export class AppModule {
  /** The whole application for an already-validated environment. */
  static forRoot(env: EnvironmentVariables): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, skipProcessEnv: true, load: [() => ({ ...env })] }),
        DatabaseConnectionModule,
        DatabaseModule,
        QueueModule,
        DocumentStreamModule,
        ThrottleModule,
        DomainEventsModule,
        MailModule,
        SmsModule,
        WhatsAppClientModule,
        StorageModule,
        AllocationModule,
        AiModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
