import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PatchType } from '../../../common/validation/patch-type';
import { Trim } from '../../../common/validation/transforms';
import { AUDIENCE_FIELDS, type AudienceFieldKind } from '../../customers/audience/audience-fields';
import { AUDIENCE_OPERATORS, type AudienceField, type AudienceOperator, type AudienceRule } from '../../customers/audience/audience-rule';
import { AUDIENCE_RULE_EXAMPLE, AudienceRuleDto } from '../../customers/dto/audience-rule.dto';
import { CustomerDto } from '../../customers/dto/customer-response.dto';

export class SegmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'לקוחות רדומים' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: 'לא ביקרו חצי שנה והוציאו מעל 500 ₪' })
  description: string | null;

  @ApiProperty({ type: AudienceRuleDto, example: AUDIENCE_RULE_EXAMPLE })
  rule: AudienceRule;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class SegmentWithCountDto extends SegmentDto {
  @ApiProperty({ type: 'integer', example: 42, description: 'Members now (live customers the rule selects)' })
  count: number;
}

export class CreateSegmentDto {
  @ApiProperty({ example: 'לקוחות רדומים', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiProperty({ type: AudienceRuleDto, example: AUDIENCE_RULE_EXAMPLE })
  @IsObject()
  rule: AudienceRule;
}

export class UpdateSegmentDto extends PatchType(CreateSegmentDto) {}

export class SegmentPreviewRequestDto {
  @ApiProperty({ type: AudienceRuleDto, example: AUDIENCE_RULE_EXAMPLE })
  @IsObject()
  rule: AudienceRule;
}

export class SegmentPreviewDto {
  @ApiProperty({ type: 'integer', example: 42 })
  count: number;

  @ApiProperty({ type: [CustomerDto], description: 'Up to 10 members, newest first' })
  sample: CustomerDto[];
}

export class ParseSegmentRequestDto {
  @ApiProperty({ example: 'לקוחות שלא ביקרו חצי שנה והוציאו מעל 500 ₪', maxLength: 500 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  text: string;
}

export class ParsedSegmentDto {
  @ApiProperty({ type: AudienceRuleDto, example: AUDIENCE_RULE_EXAMPLE })
  rule: AudienceRule;

  @ApiProperty({
    enum: ['local', 'ai'],
    description: '`local`: the built-in parser; `ai`: the configured AI driver (its answer checked like any rule)',
  })
  source: 'local' | 'ai';

  @ApiProperty({ type: 'integer', example: 42, description: 'Members the rule selects now' })
  count: number;
}

export class AudienceFieldLabelDto {
  @ApiProperty({ example: 'ימים מאז ביקור אחרון' })
  he: string;

  @ApiProperty({ example: 'Days since last visit' })
  en: string;
}

export class AudienceFieldDto {
  @ApiProperty({ enum: AUDIENCE_FIELDS, example: 'daysSinceLastVisit' })
  field: AudienceField;

  @ApiProperty({
    enum: ['text', 'language', 'tags', 'boolean', 'integer', 'days', 'date', 'month', 'id', 'custom'],
    description:
      'What values the field takes: text; `he`/`en`; a tag; true/false; an integer; whole days (≥ 0); a date `YYYY-MM-DD`; a month 1–12; a service or event id; a custom field (needs `key`)',
  })
  kind: AudienceFieldKind;

  @ApiProperty({ enum: AUDIENCE_OPERATORS, isArray: true, example: ['>=', '<', 'exists'] })
  operators: AudienceOperator[];

  @ApiProperty({ type: AudienceFieldLabelDto })
  label: AudienceFieldLabelDto;
}
