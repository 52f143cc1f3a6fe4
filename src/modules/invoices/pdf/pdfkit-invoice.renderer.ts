import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { FONT, invoiceFonts } from './invoice-fonts';
import { plainText } from './invoice-format';
import { InvoicePdfComposer } from './invoice-pdf.composer';
import { InvoicePdfRenderer, InvoicePdfView } from './invoice-pdf.view';

/**
 * Invoice PDFs with PDFKit: A4, Hebrew right to left (or English left to
 * right), Heebo embedded. The same view renders the same bytes: the PDF
 * creation date comes from the document date and PDFKit derives the file ID
 * from the info dictionary, so nothing depends on the clock.
 */
@Injectable()
export class PdfKitInvoiceRenderer implements InvoicePdfRenderer {
  render(view: InvoicePdfView): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      try {
        const fonts = invoiceFonts();
        const doc = new PDFDocument({
          size: 'A4',
          // The default font, in place of Helvetica: PDFKit would parse Helvetica's metrics for every document.
          font: fonts.regular as unknown as string,
          margin: 0,
          bufferPages: true,
          lang: view.locale === 'he' ? 'he-IL' : 'en-IL',
          info: {
            Title: plainText(`${view.title} ${view.number}`),
            Author: plainText(view.issuer.legalName),
            Creator: 'ChatGrow',
            Producer: 'ChatGrow',
            CreationDate: creationDate(view.date),
          },
        });
        const chunks: Buffer[] = [];
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);

        doc.registerFont(FONT.regular, fonts.regular);
        doc.registerFont(FONT.bold, fonts.bold);
        new InvoicePdfComposer(doc, view).compose();
        doc.end();
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }
}

/** Midnight UTC of the document date: stable for a given document, unlike the clock. */
function creationDate(isoDate: string): Date {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}
