import { ApiProperty } from '@nestjs/swagger';
import { CardBrand, InvoiceType, PaymentMethod } from '../invoice-types';

export class InvoiceIssuerDto {
  @ApiProperty({ example: 'סטודיו דנה בע"מ' })
  legalName: string;

  @ApiProperty({ example: '515555555', description: 'ח.פ / ע.מ' })
  taxId: string;

  @ApiProperty({ example: 'licensed', description: 'licensed (עוסק מורשה), exempt (עוסק פטור) or company' })
  vatStatus: string;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true })
  email: string | null;
}

export class InvoiceBilledToDto {
  @ApiProperty({ example: 'נועה כהן' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: '515555555' })
  taxId: string | null;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true })
  email: string | null;
}

export class InvoiceLineOutDto {
  @ApiProperty({ example: 'תספורת + צבע' })
  description: string;

  @ApiProperty({ example: '2.5', description: 'Decimal text, up to 3 decimals' })
  quantity: string;

  @ApiProperty({ type: 'integer', example: 12000 })
  unitPriceAgorot: number;

  @ApiProperty({ type: 'integer', example: 0 })
  discountAgorot: number;

  @ApiProperty({ type: 'integer', example: 24000, description: 'quantity × unit price − discount, rounded to the agora' })
  totalAgorot: number;
}

export class InvoicePaymentDto {
  @ApiProperty({ enum: PaymentMethod })
  method: PaymentMethod;

  @ApiProperty({ type: 'integer', example: 28320 })
  amountAgorot: number;

  @ApiProperty({ type: String, format: 'date' })
  date: string;

  @ApiProperty({ type: String, nullable: true })
  chequeNumber: string | null;

  @ApiProperty({ type: String, nullable: true })
  bankNumber: string | null;

  @ApiProperty({ type: String, nullable: true })
  branchNumber: string | null;

  @ApiProperty({ type: String, nullable: true })
  accountNumber: string | null;

  @ApiProperty({ enum: CardBrand, nullable: true })
  cardBrand: CardBrand | null;

  @ApiProperty({ type: String, nullable: true })
  cardLast4: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  installments: number | null;

  @ApiProperty({ type: String, nullable: true })
  approvalNumber: string | null;

  @ApiProperty({ type: String, nullable: true })
  reference: string | null;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;
}

export class InvoiceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: InvoiceType })
  type: InvoiceType;

  @ApiProperty({ example: 'חשבונית מס קבלה', description: 'The title as printed' })
  title: string;

  @ApiProperty({ type: 'integer', example: 17, description: 'Consecutive within the business and the type' })
  number: number;

  @ApiProperty({ type: String, format: 'date', example: '2026-11-28', description: 'The document date (business time zone)' })
  issueDate: string;

  @ApiProperty({ type: String, format: 'date-time' })
  issuedAt: Date;

  @ApiProperty({ enum: ['he', 'en'] })
  locale: string;

  @ApiProperty({ example: 'ILS' })
  currency: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "A credit note's or receipt's tax invoice" })
  referenceId: string | null;

  @ApiProperty({ type: InvoiceIssuerDto })
  issuer: InvoiceIssuerDto;

  @ApiProperty({ type: InvoiceBilledToDto })
  billedTo: InvoiceBilledToDto;

  @ApiProperty({ type: [InvoiceLineOutDto] })
  lines: InvoiceLineOutDto[];

  @ApiProperty({ type: Boolean })
  pricesIncludeVat: boolean;

  @ApiProperty({ type: Boolean, description: 'False for an exempt dealer and for receipts: the document shows no VAT' })
  vatShown: boolean;

  @ApiProperty({ type: Number, example: 18, description: 'Percent; stored on the document' })
  vatRate: number;

  @ApiProperty({ type: 'integer', example: 24000, description: 'Before VAT' })
  subtotalAgorot: number;

  @ApiProperty({ type: 'integer', example: 4320 })
  vatAgorot: number;

  @ApiProperty({ type: 'integer', example: 28320 })
  totalAgorot: number;

  @ApiProperty({ type: [InvoicePaymentDto] })
  payments: InvoicePaymentDto[];

  @ApiProperty({ type: String, nullable: true })
  remarks: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'מספר הקצאה as the Tax Authority gave it' })
  allocationNumber: string | null;

  @ApiProperty({ type: String, nullable: true, example: '123456789', description: 'Its 9 right-most digits, as printed' })
  allocationNumberPrinted: string | null;

  @ApiProperty({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    description: 'SHA-256 of the stored original PDF',
  })
  pdfSha256: string;

  @ApiProperty({ type: 'integer', example: 48213 })
  pdfSize: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the original (מקור) left the business; later ones are copies',
  })
  originalDeliveredAt: Date | null;

  @ApiProperty({ type: String, nullable: true, example: 'דנה לוי' })
  issuedBy: string | null;
}

export class InvoiceTypeTotalsDto {
  @ApiProperty({ enum: InvoiceType })
  type: InvoiceType;

  @ApiProperty({ type: 'integer' })
  count: number;

  @ApiProperty({ type: 'integer', description: 'Before VAT' })
  subtotalAgorot: number;

  @ApiProperty({ type: 'integer' })
  vatAgorot: number;

  @ApiProperty({ type: 'integer' })
  totalAgorot: number;
}

export class InvoiceSummaryDto {
  @ApiProperty({ type: String, format: 'date' })
  from: string;

  @ApiProperty({ type: String, format: 'date' })
  to: string;

  @ApiProperty({ example: 'ILS' })
  currency: string;

  @ApiProperty({ type: [InvoiceTypeTotalsDto], description: 'Every type, zero when none was issued' })
  byType: InvoiceTypeTotalsDto[];

  @ApiProperty({ type: 'integer', description: 'Sales before VAT: tax invoices, invoice-receipts and exempt receipts, less credit notes' })
  salesAgorot: number;

  @ApiProperty({ type: 'integer', description: 'Output VAT: on tax invoices and invoice-receipts, less credit notes' })
  vatAgorot: number;

  @ApiProperty({ type: 'integer', description: 'Received: invoice-receipts and receipts' })
  receivedAgorot: number;
}

export class InvoiceSentDto {
  @ApiProperty({ format: 'uuid', description: 'The message in the message log (GET /api/notifications/history/{id})' })
  messageId: string;

  @ApiProperty({ example: 'dana@example.co.il' })
  to: string;

  @ApiProperty({ enum: ['original', 'copy'], description: 'Whether the attached PDF is the original (first delivery) or a copy' })
  mark: 'original' | 'copy';

  @ApiProperty({ example: 'queued' })
  status: string;
}
