import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { BusinessModule } from '../business/business.module';
import { BusinessEventsModule } from '../business-events/business-events.module';
import { CustomersModule } from '../customers/customers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PaymentsModule } from '../payments/payments.module';
import { ProviderStatsController } from './provider-stats.controller';
import { StatsService } from './stats.service';

/**
 * The dashboard's figures (`GET /provider/stats`). Owns no table: it composes
 * the aggregate methods the owning modules expose (each one SQL in that
 * module's repository, or the document store's aggregation for messages).
 */
@Module({
  imports: [AppointmentsModule, BusinessModule, BusinessEventsModule, CustomersModule, NotificationsModule, PaymentsModule],
  controllers: [ProviderStatsController],
  providers: [StatsService],
})
export class StatsModule {}
