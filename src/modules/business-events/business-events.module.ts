import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../business/business.module';
import { CustomersModule } from '../customers/customers.module';
import { BusinessEvent } from './entities/business-event.entity';
import { EventRegistration } from './entities/event-registration.entity';
import { EventRegistrationsController } from './event-registrations.controller';
import { EventRegistrationsRepository } from './event-registrations.repository';
import { RegistrationsActivityListener } from './registrations-activity.listener';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { PublicEventsController } from './public-events.controller';
import { RegistrationsService } from './registrations.service';

/** Events people register for (`/api/events`), with waitlists. Not to be confused with the domain-event bus (DomainEventsModule). */
@Module({
  imports: [TypeOrmModule.forFeature([BusinessEvent, EventRegistration]), BusinessModule, CustomersModule],
  controllers: [EventsController, EventRegistrationsController, PublicEventsController],
  providers: [EventsRepository, EventRegistrationsRepository, EventsService, RegistrationsService, RegistrationsActivityListener],
  exports: [EventsService, RegistrationsService],
})
export class BusinessEventsModule {}
