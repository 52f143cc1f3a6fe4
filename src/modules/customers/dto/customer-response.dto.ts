import { ApiProperty } from '@nestjs/swagger';

export class ConsentDto {
  @ApiProperty()
  granted: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When consent was given or withdrawn' })
  at: Date | null;

  @ApiProperty({ type: String, nullable: true, example: 'טופס באתר' })
  source: string | null;
}

export class MarketingConsentDto {
  @ApiProperty({ type: ConsentDto })
  email: ConsentDto;

  @ApiProperty({ type: ConsentDto })
  sms: ConsentDto;
}

export class CustomerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'דנה' })
  firstName: string;

  @ApiProperty({ type: String, nullable: true, example: 'כהן' })
  lastName: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'dana@example.co.il' })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+972501234567', description: 'E.164' })
  phone: string | null;

  @ApiProperty({ type: [String], example: ['VIP'] })
  tags: string[];

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'הרצל 1, תל אביב' })
  address: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '1990-04-12' })
  birthday: string | null;

  @ApiProperty({ example: 'manual' })
  source: string;

  @ApiProperty({ enum: ['he', 'en'] })
  language: 'he' | 'en';

  @ApiProperty({ type: MarketingConsentDto })
  marketingConsent: MarketingConsentDto;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { 'מידת נעליים': 38 } })
  customFields: Record<string, string | number | boolean | null>;

  @ApiProperty()
  archived: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  archivedAt: Date | null;

  @ApiProperty({ type: 'integer', example: 125000, description: 'Total paid, in agorot (kept by payments)' })
  totalSpendAgorot: number;

  @ApiProperty({ example: 'ILS' })
  currency: string;

  @ApiProperty({ type: 'integer', example: 4, description: 'Attended appointments (kept by appointments)' })
  visitCount: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastActivityAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

/** A row of the provider dashboard's customer list: who, and what they brought (spend, visits, last activity). */
export class CustomerActivityDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, example: 'דנה' })
  firstName: string;

  @ApiProperty({ type: String, nullable: true, example: 'כהן' })
  lastName: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'dana@example.co.il' })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+972501234567', description: 'E.164' })
  phone: string | null;

  @ApiProperty({ type: [String], example: ['VIP'] })
  tags: string[];

  @ApiProperty({ type: Boolean })
  archived: boolean;

  @ApiProperty({
    type: 'integer',
    example: 125000,
    description:
      'Total spend in agorot: documents issued to the customer (a paid payment issues one), less credit notes (a refund issues one)',
  })
  spendAgorot: number;

  @ApiProperty({ type: String, example: 'ILS' })
  currency: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 4, description: 'Completed appointments' })
  visits: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The latest visit or document' })
  lastActivityAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}
