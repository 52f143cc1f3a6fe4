import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../business/business.module';
import { CalendarsModule } from '../calendars/calendars.module';
import { BookableService } from './entities/bookable-service.entity';
import { ServiceCalendar } from './entities/service-calendar.entity';
import { ServiceCatalogService } from './service-catalog.service';
import { ServicesController } from './services.controller';
import { ServicesRepository } from './services.repository';

@Module({
  imports: [TypeOrmModule.forFeature([BookableService, ServiceCalendar]), CalendarsModule, BusinessModule],
  controllers: [ServicesController],
  providers: [ServicesRepository, ServiceCatalogService],
  exports: [ServiceCatalogService],
})
export class CatalogModule {}
