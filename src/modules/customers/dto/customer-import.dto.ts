import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsJSON, IsOptional, MaxLength } from 'class-validator';

/** The text part of the multipart upload (the file travels as `file`). */
export class CustomerImportBodyDto {
  @ApiPropertyOptional({
    description:
      'Explicit column mapping, JSON: `{ "<CSV header>": "<field>" }`. Fields: firstName, lastName, fullName, email, phone, tags, notes, address, birthday, language, source, emailConsent, smsConsent, customFields, `custom.<key>`, ignore. Unmapped headers are recognised automatically (Hebrew or English).',
    example: '{"שם הלקוח":"fullName","נייד":"phone","מידה":"custom.מידה"}',
  })
  @IsOptional()
  @IsJSON()
  @MaxLength(10_000)
  mapping?: string;
}

export class CustomerImportAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'Poll GET /api/customers/import/{jobId}' })
  jobId: string;
}

export class ImportRowErrorDto {
  @ApiProperty({ type: 'integer', example: 3, description: 'Spreadsheet row number (the header is row 1)' })
  row: number;

  @ApiProperty({ type: String, nullable: true, example: 'phone' })
  field: string | null;

  @ApiProperty({ example: 'phone must be a valid phone number' })
  message: string;
}

export class ImportReportDto {
  @ApiProperty({ type: 'integer', example: 120 })
  created: number;

  @ApiProperty({ type: 'integer', example: 8, description: 'Rows that changed an existing customer' })
  updated: number;

  @ApiProperty({ type: 'integer', example: 3, description: 'Rows that matched a customer and changed nothing (duplicates, re-imports)' })
  skipped: number;

  @ApiProperty({ type: 'integer', example: 2, description: 'Rows not imported because of errors' })
  failed: number;

  @ApiProperty({ type: [ImportRowErrorDto], description: 'The first 1,000 errors' })
  errors: ImportRowErrorDto[];
}

export class ImportProgressDto {
  @ApiProperty({ type: 'integer', example: 500 })
  done: number;

  @ApiProperty({ type: 'integer', example: 1200 })
  total: number;
}

export class CustomerImportStatusDto {
  @ApiProperty({ format: 'uuid' })
  jobId: string;

  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] })
  status: string;

  @ApiProperty({ type: String, nullable: true, example: 'לקוחות.csv' })
  fileName: string | null;

  @ApiProperty({ type: ImportProgressDto })
  progress: ImportProgressDto;

  @ApiProperty({ type: ImportReportDto })
  report: ImportReportDto;

  @ApiProperty({ type: String, nullable: true, description: 'Why the whole import failed (rows errors are in the report)' })
  failureReason: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: Date | null;
}
