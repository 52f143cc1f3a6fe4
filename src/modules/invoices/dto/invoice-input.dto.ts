import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../common/validation/transforms';
import { MAX_TOTAL_AGOROT } from '../invoice-totals';
import { CardBrand, InvoiceType, PaymentMethod } from '../invoice-types';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** ח.פ / ע.מ / ת.ז: 9 digits, with leading zeros. */
export const TAX_ID = /^\d{9}$/;
const when = (method: PaymentMethod) => ValidateIf((p: PaymentDto) => p.method === method);

export class InvoiceLineDto {
  @ApiProperty({ example: 'תספורת + צבע', maxLength: 300 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  description: string;

  @ApiProperty({ type: Number, example: 2, minimum: 0.001, maximum: 9_999_999.999, description: 'Up to 3 decimals (2.5 hours, 0.125 kg)' })
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 },
    { message: 'quantity must be a number with at most 3 decimals' },
  )
  @Min(0.001)
  @Max(9_999_999.999)
  quantity: number;

  @ApiProperty({ type: 'integer', example: 12000, minimum: 0, description: 'Agorot; VAT included when `pricesIncludeVat`' })
  @IsInt()
  @Min(0)
  @Max(MAX_TOTAL_AGOROT)
  unitPriceAgorot: number;

  @ApiPropertyOptional({ type: 'integer', example: 0, minimum: 0, description: "Agorot off this line's amount" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TOTAL_AGOROT)
  discountAgorot?: number;
}

/** How a payment was made; the fields each method needs are required with it. */
export class PaymentDto {
  @ApiProperty({ enum: PaymentMethod, example: PaymentMethod.creditCard })
  @IsEnum(PaymentMethod)
  method: PaymentMethod;

  @ApiProperty({ type: 'integer', example: 28320, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_TOTAL_AGOROT)
  amountAgorot: number;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2026-11-28',
    description: 'When paid (a cheque: its due date); default the document date',
  })
  @IsOptional()
  @Matches(DATE, { message: 'date must be a date YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ type: String, example: '1234567', description: 'Required for a cheque' })
  @when(PaymentMethod.cheque)
  @IsDefined({ message: 'chequeNumber is required for a cheque' })
  @Matches(/^\d{1,12}$/, { message: 'chequeNumber must be 1-12 digits' })
  chequeNumber?: string;

  @ApiPropertyOptional({ type: String, example: '12', description: 'Bank code (cheque, bank transfer)' })
  @IsOptional()
  @Matches(/^\d{1,3}$/, { message: 'bankNumber must be 1-3 digits' })
  bankNumber?: string;

  @ApiPropertyOptional({ type: String, example: '600' })
  @IsOptional()
  @Matches(/^\d{1,4}$/, { message: 'branchNumber must be 1-4 digits' })
  branchNumber?: string;

  @ApiPropertyOptional({ type: String, example: '123456' })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'accountNumber must be 1-20 digits' })
  accountNumber?: string;

  @ApiPropertyOptional({ enum: CardBrand, description: 'Required for a credit card' })
  @when(PaymentMethod.creditCard)
  @IsDefined({ message: 'cardBrand is required for a credit card' })
  @IsEnum(CardBrand)
  cardBrand?: CardBrand;

  @ApiPropertyOptional({ type: String, example: '4580', description: 'Required for a credit card' })
  @when(PaymentMethod.creditCard)
  @IsDefined({ message: 'cardLast4 is required for a credit card' })
  @Matches(/^\d{4}$/, { message: 'cardLast4 must be 4 digits' })
  cardLast4?: string;

  @ApiPropertyOptional({ type: 'integer', example: 3, minimum: 1, maximum: 36, description: 'Credit card payments (תשלומים)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  installments?: number;

  @ApiPropertyOptional({ type: String, example: '0123456', description: "The card company's approval number" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,20}$/, { message: 'approvalNumber must be 1-20 letters or digits' })
  approvalNumber?: string;

  @ApiPropertyOptional({ type: String, example: 'אסמכתא 889912', maxLength: 100, description: 'A bank transfer reference, Bit/PayBox id…' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({ type: String, example: 'Bit', maxLength: 200, description: 'Required for `other`: what it was' })
  @when(PaymentMethod.other)
  @IsDefined({ message: 'description is required for a payment of method other' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description?: string;
}

/** Types a business issues through POST /api/invoices (credit notes come from POST /{id}/credit). */
export const ISSUABLE_TYPES = [InvoiceType.taxInvoice, InvoiceType.taxInvoiceReceipt, InvoiceType.receipt] as const;

export class CreateInvoiceDto {
  @ApiPropertyOptional({
    enum: ISSUABLE_TYPES,
    description:
      'Unset: by the business VAT status and the payments — licensed/company: tax_invoice_receipt with payments, tax_invoice without; exempt: receipt. A receipt from a licensed business pays an earlier tax invoice (`referenceInvoiceId`).',
  })
  @IsOptional()
  @IsIn(ISSUABLE_TYPES)
  type?: (typeof ISSUABLE_TYPES)[number];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId: string;

  @ApiPropertyOptional({ type: String, example: 'דנה לוי בע"מ', maxLength: 160, description: "As billed; default the customer's name" })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  customerName?: string;

  @ApiPropertyOptional({
    type: String,
    example: '515555555',
    description: "The customer's ח.פ / ע.מ / ת.ז (9 digits); a business customer's is needed for an allocation number",
  })
  @IsOptional()
  @Matches(TAX_ID, { message: 'customerTaxId must be 9 digits (ח.פ / ע.מ / ת.ז)' })
  customerTaxId?: string;

  @ApiPropertyOptional({ type: String, example: 'הרצל 1, תל אביב', maxLength: 300, description: "Default the customer's address" })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  customerAddress?: string;

  @ApiPropertyOptional({ type: [InvoiceLineDto], description: 'Required, except on a receipt against a tax invoice' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines?: InvoiceLineDto[];

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Unit prices include VAT (the document says so)' })
  @IsOptional()
  @IsBoolean()
  pricesIncludeVat?: boolean;

  @ApiPropertyOptional({
    type: [PaymentDto],
    description: 'What was paid; their sum is the total of a tax invoice-receipt or receipt. None: a tax invoice (billing)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PaymentDto)
  payments?: PaymentDto[];

  @ApiPropertyOptional({ format: 'uuid', description: 'A receipt: the tax invoice it pays' })
  @IsOptional()
  @IsUUID()
  referenceInvoiceId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 2000, description: "Printed on the document; default the settings' default remarks" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  remarks?: string;

  @ApiPropertyOptional({
    type: String,
    example: '202611281234567890123',
    description: 'מספר הקצאה obtained from the Tax Authority (ALLOCATION_DRIVER=manual): needed above the dated threshold',
  })
  @IsOptional()
  @Matches(/^\d{9,40}$/, { message: 'allocationNumber must be 9-40 digits' })
  allocationNumber?: string;
}

export class CreditInvoiceDto {
  @ApiPropertyOptional({
    type: [InvoiceLineDto],
    description: "A partial credit: what is credited, at the original's VAT rate and entry mode. Unset: the whole document",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines?: InvoiceLineDto[];

  @ApiPropertyOptional({ type: [PaymentDto], description: 'How the money was returned, when it was' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PaymentDto)
  payments?: PaymentDto[];

  @ApiPropertyOptional({ type: String, maxLength: 2000, example: 'החזר על ביטול טיפול' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  remarks?: string;
}

export class SendInvoiceDto {
  @ApiPropertyOptional({ type: String, example: 'dana@example.co.il', description: "Default the customer's email" })
  @IsOptional()
  @Trim()
  @Matches(/^[^\s@]{1,64}@[^\s@]{1,189}$/, { message: 'to must be an email address' })
  @MaxLength(254)
  to?: string;
}
