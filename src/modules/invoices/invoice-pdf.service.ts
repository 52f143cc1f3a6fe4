import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { FILE_STORAGE, type FileStorage, type StoredFile } from '../../infra/storage/file-storage.port';
import type { Invoice } from './entities/invoice.entity';
import { type PrintableInvoice, toPdfView } from './invoice-pdf.mapper';
import { InvoiceSettingsService } from './invoice-settings.service';
import type { InvoiceType } from './invoice-types';
import { InvoicesRepository } from './invoices.repository';
import { INVOICE_PDF_RENDERER, type InvoicePdfRenderer } from './pdf/invoice-pdf.view';

export interface DeliveredPdf {
  mark: 'original' | 'copy';
  bytes: Buffer;
}

/** The file name a document is downloaded or attached under: `tax_invoice_receipt-17.pdf`. */
export const pdfFileName = (i: Pick<Invoice, 'type' | 'number'>) => `${i.type}-${i.number}.pdf`;

/**
 * The PDF of a document: rendered once at issue with the mark מקור and stored
 * with its SHA-256 (the stored bytes never change); the first delivery by the
 * business (a download or an email) hands out those bytes, every later one a
 * fresh rendering of the same frozen row marked העתק.
 */
@Injectable()
export class InvoicePdfService {
  private readonly logger = new Logger('InvoicePdf');

  constructor(
    @Inject(INVOICE_PDF_RENDERER) private readonly renderer: InvoicePdfRenderer,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly settings: InvoiceSettingsService,
    private readonly invoices: InvoicesRepository,
  ) {}

  /** Renders the original and stores it (inside the issuing transaction: a failure issues nothing). */
  async storeOriginal(
    businessId: string,
    row: PrintableInvoice & { id: string },
    reference: { type: InvoiceType; number: number } | null,
  ): Promise<StoredFile> {
    const bytes = await this.render(row, 'original', reference);
    return this.storage.put(`${businessId}/invoices/${row.type}-${row.number}-${row.id}.pdf`, bytes, 'application/pdf');
  }

  /** The original if no delivery took it yet (claimed atomically), else a copy. */
  async deliver(invoice: Invoice): Promise<DeliveredPdf> {
    if (!invoice.originalDeliveredAt) {
      const original = await this.storedOriginal(invoice);
      if (await this.invoices.claimOriginal(invoice.businessId, invoice.id, new Date())) return { mark: 'original', bytes: original };
    }
    return { mark: 'copy', bytes: await this.render(invoice, 'copy', await this.referenceOf(invoice)) };
  }

  /** Like `deliver`, for an email: a copy is stored too, so the message log refers to fixed bytes. */
  async deliverAsFile(invoice: Invoice): Promise<{ mark: 'original' | 'copy'; key: string }> {
    const delivered = await this.deliver(invoice);
    if (delivered.mark === 'original') return { mark: 'original', key: invoice.pdfKey };
    const stored = await this.storage.put(
      `${invoice.businessId}/invoices/copies/${invoice.type}-${invoice.number}-${invoice.id}-${randomUUID()}.pdf`,
      delivered.bytes,
      'application/pdf',
    );
    return { mark: 'copy', key: stored.key };
  }

  /** The stored original's bytes, checked against the SHA-256 recorded at issue. */
  async storedOriginal(invoice: Invoice): Promise<Buffer> {
    const bytes = await this.storage.get(invoice.pdfKey);
    if (!bytes) throw new Error(`The stored PDF of invoice ${invoice.id} (${invoice.pdfKey}) is missing`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== invoice.pdfSha256) {
      this.logger.error(`Invoice ${invoice.id}: stored PDF ${invoice.pdfKey} has SHA-256 ${sha256}, recorded ${invoice.pdfSha256}`);
      throw new Error(`The stored PDF of invoice ${invoice.id} does not match its recorded SHA-256`);
    }
    return bytes;
  }

  private async referenceOf(invoice: Invoice): Promise<{ type: InvoiceType; number: number } | null> {
    if (!invoice.referenceId) return null;
    return (await this.invoices.numbersOf(invoice.businessId, [invoice.referenceId])).get(invoice.referenceId) ?? null;
  }

  private async render(row: PrintableInvoice, mark: 'original' | 'copy', reference: { type: InvoiceType; number: number } | null) {
    const logo = await this.settings.logoBytes(row.issuer.logoKey);
    return this.renderer.render(toPdfView(row, { mark, logo, reference }));
  }
}
