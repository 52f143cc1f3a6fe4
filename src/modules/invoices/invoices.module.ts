import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityModule } from '../activity/activity.module';
import { BusinessModule } from '../business/business.module';
import { CustomersModule } from '../customers/customers.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { InvoiceCounter } from './entities/invoice-counter.entity';
import { InvoiceSettings } from './entities/invoice-settings.entity';
import { Invoice } from './entities/invoice.entity';
import { InvoiceActivityListener } from './invoice-activity.listener';
import { InvoiceAllocationService } from './invoice-allocation.service';
import { InvoiceCountersRepository } from './invoice-counters.repository';
import { InvoiceIssueService } from './invoice-issue.service';
import { InvoicePdfService } from './invoice-pdf.service';
import { InvoiceSettingsController } from './invoice-settings.controller';
import { InvoiceSettingsRepository } from './invoice-settings.repository';
import { InvoiceSettingsService } from './invoice-settings.service';
import { InvoicesController } from './invoices.controller';
import { InvoicesRepository } from './invoices.repository';
import { InvoicesService } from './invoices.service';
import { INVOICE_PDF_RENDERER } from './pdf/invoice-pdf.view';
import { PdfKitInvoiceRenderer } from './pdf/pdfkit-invoice.renderer';

/**
 * Invoices: tax documents (tax invoice, invoice-receipt, receipt, credit
 * note) with gapless numbering per series, VAT once per document, Israel
 * Invoices allocation numbers (ALLOCATION_PROVIDER), the PDF rendered once and
 * kept in FILE_STORAGE, original/copy delivery, email through notifications,
 * and the per-business document settings.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Invoice, InvoiceCounter, InvoiceSettings]),
    ActivityModule,
    BusinessModule,
    CustomersModule,
    IdempotencyModule,
    NotificationsModule,
  ],
  controllers: [InvoiceSettingsController, InvoicesController],
  providers: [
    InvoicesRepository,
    InvoiceCountersRepository,
    InvoiceSettingsRepository,
    InvoiceSettingsService,
    InvoiceAllocationService,
    InvoicePdfService,
    InvoiceIssueService,
    InvoicesService,
    InvoiceActivityListener,
    { provide: INVOICE_PDF_RENDERER, useClass: PdfKitInvoiceRenderer },
  ],
  exports: [InvoiceIssueService, InvoicesService],
})
export class InvoicesModule {}
