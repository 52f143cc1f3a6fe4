import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../business/business.module';
import { CustomerAudienceRepository } from './customer-audience.repository';
import { CustomerAudienceService } from './customer-audience.service';
import { CustomerExportService } from './customer-export.service';
import { CustomerFactsListener } from './customer-facts.listener';
import { CustomerFactsRepository } from './customer-facts.repository';
import { CustomerFact } from './entities/customer-fact.entity';
import { CustomerImportService } from './customer-import.service';
import { CustomerImportsRepository } from './customer-imports.repository';
import { CustomerManagementService } from './customer-management.service';
import { CustomerTimelineListener } from './customer-timeline.listener';
import { CustomersController } from './customers.controller';
import { ProviderCustomersController } from './provider-customers.controller';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';
import { CustomerImport } from './entities/customer-import.entity';
import { Customer } from './entities/customer.entity';
import { CustomerImportJob } from './customer-import.job';

/** Customers: the API, CSV import/export, CustomersService for other modules (match-or-create, visits), and audiences (who a rule selects). */
@Module({
  imports: [TypeOrmModule.forFeature([Customer, CustomerImport, CustomerFact]), BusinessModule],
  controllers: [CustomersController, ProviderCustomersController],
  providers: [
    CustomersRepository,
    CustomerImportsRepository,
    CustomersService,
    CustomerManagementService,
    CustomerImportService,
    CustomerExportService,
    CustomerTimelineListener,
    CustomerImportJob,
    CustomerAudienceRepository,
    CustomerAudienceService,
    CustomerFactsRepository,
    CustomerFactsListener,
  ],
  exports: [CustomersService, CustomerAudienceService],
})
export class CustomersModule {}
