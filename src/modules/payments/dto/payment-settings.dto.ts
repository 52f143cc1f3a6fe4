import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { PaymentProvider } from '../../../infra/config/env.schema';

export class PaymentSettingsDto {
  @ApiProperty({ enum: PaymentProvider, example: PaymentProvider.cardcom, description: 'The gateway new payments go through' })
  provider: PaymentProvider;

  @ApiProperty({
    enum: ['business', 'default'],
    description: '`business`: chosen by the business; `default`: none chosen, PAYMENT_PROVIDER applies',
  })
  source: 'business' | 'default';

  @ApiProperty({ type: Boolean, description: 'Whether the gateway has what it needs (the sandbox needs nothing)' })
  configured: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '4821',
    description: 'The last 4 characters of the credential that names the account (Cardcom terminal, Grow userId, Tranzila terminal)',
  })
  credentialsLast4: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the gateway last accepted these credentials in a test call; null: not checked (the gateway could not be reached when they were saved, or it offers no such call)',
  })
  credentialsCheckedAt: string | null;

  @ApiProperty({ type: 'integer', example: 1, description: 'Most installments a payer may choose on a payment' })
  maxInstallments: number;

  @ApiProperty({
    example: 'https://app.chatgrow.co.il/api/webhooks/payments/cardcom/Zq3…',
    description: "Where the gateway sends its notifications; carries the business's secret token (rotate it if it leaks)",
  })
  webhookUrl: string;
}

export class UpdatePaymentSettingsDto {
  @ApiProperty({ enum: PaymentProvider, example: PaymentProvider.cardcom })
  @IsEnum(PaymentProvider)
  provider: PaymentProvider;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { terminalNumber: '1000', apiName: 'test2025', apiPassword: 'secret-password' },
    description:
      "The gateway's credentials, replacing any stored. sandbox: none; cardcom: terminalNumber, apiName, apiPassword; grow: userId, pageCode, apiKey?; tranzila: terminalName, appKey, secret. Stored encrypted, never shown again",
  })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, string>;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 36,
    default: 1,
    description: 'Most installments (תשלומים) a payer may choose on a payment; unset keeps the current value',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  maxInstallments?: number;
}
