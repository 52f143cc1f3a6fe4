import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { AUDIENCE_FIELDS } from '../audience/audience-fields';
import {
  AUDIENCE_LIMITS,
  AUDIENCE_OPERATORS,
  type AudienceField,
  type AudienceNode,
  type AudienceOperator,
  type AudienceValue,
} from '../audience/audience-rule';

/**
 * The OpenAPI description of the audience rule language (audience-rule.ts).
 * Requests carrying a rule are checked by `checkAudienceRule`, which knows
 * which operators and values each field takes.
 */
export class AudienceConditionDto {
  @ApiProperty({ enum: AUDIENCE_FIELDS, example: 'totalSpendAgorot' })
  field: AudienceField;

  @ApiPropertyOptional({ type: String, example: 'city', description: 'With `field: customField` only: the custom field key' })
  key?: string;

  @ApiProperty({ enum: AUDIENCE_OPERATORS, example: '>' })
  operator: AudienceOperator;

  @ApiPropertyOptional({
    description: 'A string, number or boolean; a list for `in` / `not in`; a boolean (default true) for `exists`',
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] }, maxItems: AUDIENCE_LIMITS.maxListItems },
    ],
    example: 50000,
  })
  value?: AudienceValue;
}

@ApiExtraModels(AudienceConditionDto)
export class AudienceRuleDto {
  @ApiProperty({ enum: ['all', 'any'], description: '`all`: every rule holds (AND); `any`: at least one does (OR)' })
  match: 'all' | 'any';

  @ApiProperty({
    type: 'array',
    minItems: 1,
    maxItems: AUDIENCE_LIMITS.maxRulesPerGroup,
    description: `Conditions and nested groups (at most ${AUDIENCE_LIMITS.maxDepth} levels, ${AUDIENCE_LIMITS.maxNodes} rules in all)`,
    items: { oneOf: [{ $ref: getSchemaPath(AudienceConditionDto) }, { $ref: getSchemaPath('AudienceRuleDto') }] },
  })
  rules: AudienceNode[];
}

export const AUDIENCE_RULE_EXAMPLE = {
  match: 'all',
  rules: [
    { field: 'daysSinceLastVisit', operator: '>=', value: 180 },
    { field: 'totalSpendAgorot', operator: '>', value: 50000 },
    {
      match: 'any',
      rules: [
        { field: 'emailConsent', operator: '=', value: true },
        { field: 'smsConsent', operator: '=', value: true },
      ],
    },
  ],
};
