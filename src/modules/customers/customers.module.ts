import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerExportService } from './customer-export.service';
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

/** Customers: the API, CSV import/export, and CustomersService for other modules (match-or-create, visits). */
@Module({
  imports: [TypeOrmModule.forFeature([Customer, CustomerImport])],
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
  ],
  exports: [CustomersService],
})
export class CustomersModule {}
