import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../business/business.module';
import { CalendarOverridesRepository } from './calendar-overrides.repository';
import { CalendarScheduleService } from './calendar-schedule.service';
import { CalendarsController } from './calendars.controller';
import { CalendarsRepository } from './calendars.repository';
import { CalendarsService } from './calendars.service';
import { CalendarOverride } from './entities/calendar-override.entity';
import { Calendar } from './entities/calendar.entity';

import { CalendarFeedRevocationListener } from './member-removal.listener';
@Module({
  imports: [TypeOrmModule.forFeature([Calendar, CalendarOverride]), BusinessModule],
  controllers: [CalendarsController],
  providers: [CalendarFeedRevocationListener, CalendarsRepository, CalendarOverridesRepository, CalendarsService, CalendarScheduleService],
  exports: [CalendarsService, CalendarScheduleService],
})
export class CalendarsModule {}
