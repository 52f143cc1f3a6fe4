import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../../common/validation/transforms';
import { EXTERNAL_NAME } from '../automation-definition';

export class FireAutomationEventDto {
  @ApiProperty({
    pattern: EXTERNAL_NAME.source,
    example: 'lead_form_submitted',
    description: 'The name rules with an external trigger listen for',
  })
  @IsString()
  @Matches(EXTERNAL_NAME, { message: 'trigger must be 1-60 letters, digits, "_", "." or "-", starting with a letter or digit' })
  trigger: string;

  @ApiPropertyOptional({ example: '050-1234567', description: 'The customer, by phone (any Israeli or international form) or email' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: 'dana@example.co.il' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ default: false, description: 'Create the customer when none matches (firstName required then); else 404' })
  @IsOptional()
  @IsBoolean()
  createCustomer?: boolean;

  @ApiPropertyOptional({ maxLength: 100, example: 'דנה' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'לוי' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { course: 'יוגה למתחילים' },
    description: 'Values for the messages the rules send (`{{ data.course }}`); at most 8 KB as JSON',
  })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

export class AutomationEventAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ description: 'Whether the customer was created by this call' })
  customerCreated: boolean;

  @ApiProperty({
    example: 'external:lead_form_submitted:5b0e…',
    description: 'The occurrence; rules listening for the trigger run once for it',
  })
  eventKey: string;

  @ApiProperty({ type: 'integer', description: 'Enabled rules listening for this trigger (their conditions are checked as they run)' })
  rules: number;
}
