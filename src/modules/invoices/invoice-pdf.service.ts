import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { FILE_STORAGE, type FileStorage } from '../../infra/storage/file-storage.port';
import type { Invoice } from './entities/invoice.entity';
import { type PrintableInvoice, toPdfView } from './invoice-pdf.mapper';
import { InvoiceSettingsService } from './invoice-settings.service';
import type { InvoiceType, IssuerSnapshot } from './invoice-types';
import { InvoicesRepository } from './invoices.repository';
import { INVOICE_PDF_RENDERER, type InvoicePdfRenderer } from './pdf/invoice-pdf.view';

/** The original of a document about to be issued, rendered: its key, size and SHA-256 are known before it is stored. */
export interface RenderedOriginal {
  key: string;
  bytes: Buffer;
  size: number;
  sha256: string;
}

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

  /** The logo a document of this issuer prints, read before issuing starts (a missing file prints none). */
  logoOf(issuer: Pick<IssuerSnapshot, 'logoKey'>): Promise<Buffer | null> {
    return this.settings.logoBytes(issuer.logoKey);
  }

  /** Renders the original of a document about to be issued (the mark מקור); `storeOriginal` stores it. */
  async renderOriginal(
    businessId: string,
    row: PrintableInvoice & { id: string },
    reference: { type: InvoiceType; number: number } | null,
    logo: Buffer | null,
  ): Promise<RenderedOriginal> {
    const bytes = await this.renderer.render(toPdfView(row, { mark: 'original', logo, reference }));
    return {
      key: `${businessId}/invoices/${row.type}-${row.number}-${row.id}.pdf`,
      bytes,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }

  /** Stores a rendered original (inside the issuing transaction: a failure issues nothing). */
  async storeOriginal(original: RenderedOriginal): Promise<void> {
    const stored = await this.storage.put(original.key, original.bytes, 'application/pdf');
    if (stored.sha256 !== original.sha256 || stored.size !== original.size)
      throw new Error(`The store answered ${original.key} with SHA-256 ${stored.sha256}, the rendered original has ${original.sha256}`);
  }

  /** The original if no delivery took it yet (claimed atomically), else a copy. */
  async deliver(invoice: Invoice): Promise<DeliveredPdf> {
    if (!invoice.originalDeliveredAt) {
      const original = await this.storedOriginal(invoice);
      if (await this.invoices.claimOriginal(invoice.businessId, invoice.id, new Date())) return { mark: 'original', bytes: original };
    }
    const [logo, reference] = await Promise.all([this.logoOf(invoice.issuer), this.referenceOf(invoice)]);
    return { mark: 'copy', bytes: await this.renderer.render(toPdfView(invoice, { mark: 'copy', logo, reference })) };
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
}
