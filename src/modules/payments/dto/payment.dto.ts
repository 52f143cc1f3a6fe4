import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { NewCustomerDto } from '../../customers/dto/new-customer.dto';
import { Trim } from '../../../common/validation/transforms';
import { PaymentProvider } from '../../../infra/config/env.schema';
import { PaymentStatus } from '../entities/payment.entity';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
export const MAX_PAYMENT_AGOROT = 100_000_000;

export class PaymentLineDto {
  @ApiProperty({ example: 'שיעור יוגה', maxLength: 250 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(250)
  description: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10_000, example: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_PAYMENT_AGOROT, example: 12_000, description: 'Agorot, VAT included' })
  @IsInt()
  @Min(0)
  @Max(MAX_PAYMENT_AGOROT)
  unitPrice: number;
}

export class CreatePaymentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing customer; or send `customer`' })
  @ValidateIf((o: CreatePaymentDto) => o.customer === undefined || o.customerId !== undefined)
  @IsUUID('all', { message: 'customerId must be a UUID (or send customer)' })
  customerId?: string;

  @ApiPropertyOptional({ type: NewCustomerDto, description: 'Who pays, when not an existing customer: matched by phone/email, or created' })
  @ValidateIf((o: CreatePaymentDto) => o.customerId === undefined)
  @ValidateNested()
  @Type(() => NewCustomerDto)
  customer?: NewCustomerDto;

  @ApiProperty({ type: 'integer', minimum: 100, maximum: MAX_PAYMENT_AGOROT, example: 12_000, description: 'Agorot (₪120.00 = 12000)' })
  @IsInt()
  @Min(100)
  @Max(MAX_PAYMENT_AGOROT)
  amount: number;

  @ApiProperty({ example: 'שיעור יוגה', maxLength: 250 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(250)
  description: string;

  @ApiPropertyOptional({ type: [PaymentLineDto], maxItems: 50, description: 'When given, quantity × unitPrice must add up to amount' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PaymentLineDto)
  lines?: PaymentLineDto[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 36, default: 1, description: 'Most installments the payer may choose' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  installments?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "An appointment of the customer's that this pays for (marked paid when the payment is)",
  })
  @IsOptional()
  @IsUUID()
  appointmentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "An event registration of the customer's that this pays for (marked paid when the payment is); not with appointmentId",
  })
  @IsOptional()
  @IsUUID()
  registrationId?: string;

  @ApiPropertyOptional({ example: 'https://studio.example.co.il/thanks', maxLength: 500 })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  successUrl?: string;

  @ApiPropertyOptional({ example: 'https://studio.example.co.il/sorry', maxLength: 500 })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  failureUrl?: string;
}

export class PaymentEventDto {
  @ApiProperty({ example: 'created' })
  type: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  detail: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;
}

export class GatewayPaymentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ type: 'integer', example: 12_000, description: 'Agorot' })
  amount: number;

  @ApiProperty({ example: 'ILS' })
  currency: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [PaymentLineDto], nullable: true })
  lines: PaymentLineDto[] | null;

  @ApiProperty({ type: 'integer' })
  installments: number;

  @ApiProperty({ enum: PaymentProvider })
  provider: PaymentProvider;

  @ApiProperty({ enum: PaymentStatus })
  status: PaymentStatus;

  @ApiProperty({ type: String, nullable: true, description: 'The hosted payment page to send the payer to (while pending)' })
  pageUrl: string | null;

  @ApiProperty({ type: 'integer', example: 0, description: 'Refunded so far, in agorot' })
  refundedAmount: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  paidAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'A pending payment not paid by then expires' })
  expiresAt: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the payment needs a person to look at it (a notification the gateway did not confirm, an amount that differs…)',
  })
  reviewReason: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The document issued for it (invoice-receipt, or receipt)' })
  invoiceId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The email that took the document to the customer' })
  receiptMessageId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The appointment it pays for (marked paid with it)' })
  appointmentId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The event registration it pays for (marked paid with it)' })
  registrationId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class PaymentRefundDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer', description: 'Agorot' })
  amount: number;

  @ApiProperty({ enum: ['requested', 'succeeded', 'failed'], description: 'requested: asked of the gateway, its answer not known' })
  status: string;

  @ApiProperty({ type: String, nullable: true, description: 'The gateway’s reason, when it refused' })
  error: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The credit note issued for it' })
  creditNoteId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class RefundPaymentDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, example: 5_000, description: 'Agorot; unset: all that is left' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAYMENT_AGOROT)
  amount?: number;
}

export enum PaymentLinkChannel {
  email = 'email',
  sms = 'sms',
}

export class SendPaymentLinkDto {
  @ApiProperty({ enum: PaymentLinkChannel })
  @IsEnum(PaymentLinkChannel)
  channel: PaymentLinkChannel;
}

export class PaymentLinkSentDto {
  @ApiProperty({ format: 'uuid' })
  messageId: string;

  @ApiProperty({ description: 'The address or phone it went to' })
  to: string;

  @ApiProperty({ description: 'The message status in the message log' })
  status: string;
}

export class PaymentWebhookAnswerDto {
  @ApiProperty({ example: true })
  received: boolean;
}

export class PaymentDetailDto extends GatewayPaymentDto {
  @ApiProperty({ type: [PaymentEventDto], description: 'What happened to the payment, oldest first' })
  events: PaymentEventDto[];

  @ApiProperty({ type: [PaymentRefundDto], description: 'Its refunds, oldest first' })
  refunds: PaymentRefundDto[];
}

export class PaymentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PaymentStatus })
  @IsOptional()
  @IsEnum(PaymentStatus)
  status?: PaymentStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ enum: PaymentProvider })
  @IsOptional()
  @IsEnum(PaymentProvider)
  provider?: PaymentProvider;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-11-01', description: 'Created from (inclusive, UTC date)' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-11-30', description: 'Created to (inclusive, UTC date)' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}
