import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../infra/config/app-config';
import { BookingSettingsModule } from '../booking-settings/booking-settings.module';
import { BusinessModule } from '../business/business.module';
import { CalendarsModule } from '../calendars/calendars.module';
import { CustomersModule } from '../customers/customers.module';
import { CatalogModule } from '../catalog/catalog.module';
import { AppointmentStatsService } from './appointment-stats.service';
import { AppointmentTransitionsService } from './appointment-transitions.service';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsRepository } from './appointments.repository';
import { AppointmentsService } from './appointments.service';
import { AvailabilityService } from './availability/availability.service';
import { BookingService } from './booking.service';
import { Appointment } from './entities/appointment.entity';
import { AppointmentActivityListener } from './appointment-activity.listener';
import { CalendarFeedController } from './feed/calendar-feed.controller';
import { CalendarFeedService } from './feed/calendar-feed.service';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { PublicBookingController } from './public/public-booking.controller';
import { PublicBookingService } from './public/public-booking.service';
import { SelfServiceController } from './public/self-service.controller';
import { SelfServiceService } from './public/self-service.service';
import { SelfServiceLinks } from './public/self-service-links.service';
import { AppointmentReminderJob } from './reminders/appointment-reminder.job';
import { ReconcileRemindersJob } from './reminders/reconcile-reminders.job';
import { ReminderScheduler } from './reminders/reminder.scheduler';
import { SchedulingHousekeeping } from './reminders/scheduling-housekeeping.scheduler';

@Module({
  imports: [
    TypeOrmModule.forFeature([Appointment]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: AppConfig) => ({ secret: config.get('JWT_SECRET', { infer: true }) }),
    }),
    BookingSettingsModule,
    BusinessModule,
    CalendarsModule,
    CatalogModule,
    CustomersModule,
    IdempotencyModule,
  ],
  // Self-service before the slug routes: /public/appointments/:token is not a business called "appointments".
  controllers: [AppointmentsController, SelfServiceController, PublicBookingController, CalendarFeedController],
  providers: [
    AppointmentsRepository,
    AvailabilityService,
    BookingService,
    AppointmentTransitionsService,
    AppointmentsService,
    AppointmentStatsService,
    PublicBookingService,
    SelfServiceService,
    SelfServiceLinks,
    CalendarFeedService,
    ReminderScheduler,
    AppointmentReminderJob,
    ReconcileRemindersJob,
    SchedulingHousekeeping,
    AppointmentActivityListener,
  ],
  exports: [AvailabilityService, SelfServiceLinks, AppointmentsService, AppointmentStatsService],
})
export class AppointmentsModule {}
