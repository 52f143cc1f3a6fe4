import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PatchType } from '../../../common/validation/patch-type';
import { Trim } from '../../../common/validation/transforms';
import type { AudienceRule } from '../../customers/audience/audience-rule';
import { AudienceRuleDto } from '../../customers/dto/audience-rule.dto';
import { Channel, MessageKind } from '../../notifications/notification.types';
import { AUTOMATION_TEMPLATES, EXTERNAL_NAME } from '../automation-definition';
import {
  type AutomationAction,
  AUTOMATION_LIMITS,
  type AutomationTrigger,
  SCHEDULED_DATES,
  TRIGGER_TYPES,
  TriggerType,
} from '../automation.types';

export class AutomationTriggerDto {
  @ApiProperty({ enum: TRIGGER_TYPES, example: TriggerType.appointmentBooked })
  type: TriggerType;

  @ApiPropertyOptional({
    type: String,
    maxLength: 50,
    example: 'VIP',
    description: 'customer.tag_added / tag_removed: only this tag (absent: any)',
  })
  tag?: string;

  @ApiPropertyOptional({
    type: String,
    pattern: EXTERNAL_NAME.source,
    example: 'lead_form_submitted',
    description: 'external (required): the event name outside systems send to POST /api/automations/events',
  })
  name?: string;

  @ApiPropertyOptional({ enum: SCHEDULED_DATES, description: "scheduled (required): the customer's date counted from" })
  date?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: AUTOMATION_LIMITS.maxScheduledDays,
    description: 'scheduled (required): how many days',
  })
  days?: number;

  @ApiPropertyOptional({
    enum: ['after', 'before'],
    default: 'after',
    description: 'scheduled: after the date, or before it (birthday only)',
  })
  direction?: string;
}

export class SendMessageActionDto {
  @ApiProperty({ enum: ['send_message'] })
  type: 'send_message';

  @ApiProperty({
    enum: Channel,
    description:
      "whatsapp: the business's own number; a template key mapped to an approved WhatsApp template goes at any time, anything else only within 24 hours of the customer's last WhatsApp message (else the step is skipped)",
  })
  channel: Channel;

  @ApiProperty({ enum: MessageKind, description: 'marketing needs the customer’s consent on the channel (else the step is skipped)' })
  kind: MessageKind;

  @ApiPropertyOptional({ enum: AUTOMATION_TEMPLATES, description: 'A template, or a hand-written body (one of them)' })
  template?: string;

  @ApiPropertyOptional({ type: String, maxLength: AUTOMATION_LIMITS.maxSubject, description: 'Email subject of a hand-written message' })
  subject?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: AUTOMATION_LIMITS.maxBody,
    example: 'שלום {{ customer.firstName }}, תודה שקבעת תור!',
    description: 'Hand-written text; may use {{ customer.firstName }} and {{ data.x }} (values an external trigger sent)',
  })
  body?: string;
}

export class TagActionDto {
  @ApiProperty({ enum: ['add_tag', 'remove_tag'] })
  type: 'add_tag' | 'remove_tag';

  @ApiProperty({ type: String, maxLength: 50, example: 'VIP' })
  tag: string;
}

export class WaitActionDto {
  @ApiProperty({ enum: ['wait'] })
  type: 'wait';

  @ApiProperty({ type: 'integer', minimum: 1, maximum: AUTOMATION_LIMITS.maxWaitHours, example: 24 })
  hours: number;
}

export class WebhookActionDto {
  @ApiProperty({ enum: ['call_webhook'] })
  type: 'call_webhook';

  @ApiProperty({
    format: 'uuid',
    description:
      'One of the business webhook endpoints (`/api/webhooks/endpoints`): it receives an `automation.webhook` event `{ ruleId, ruleVersion, runId, step, trigger, customer, data }`, signed and retried like every delivery (once per run and step). A missing or disabled endpoint skips the step.',
  })
  endpointId: string;
}

const ACTIONS_SCHEMA = {
  type: 'array' as const,
  minItems: 1,
  maxItems: AUTOMATION_LIMITS.maxActions,
  description:
    'Done in order, each once; `wait` holds the run for some hours (a durable delayed job); `call_webhook` sends a signed event to one of the business webhook endpoints',
  items: {
    oneOf: [
      { $ref: getSchemaPath(SendMessageActionDto) },
      { $ref: getSchemaPath(TagActionDto) },
      { $ref: getSchemaPath(WaitActionDto) },
      { $ref: getSchemaPath(WebhookActionDto) },
    ],
  },
  example: [
    { type: 'wait', hours: 24 },
    { type: 'send_message', channel: 'sms', kind: 'transactional', body: 'שלום {{ customer.firstName }}, איך היה?' },
    { type: 'add_tag', tag: 'ביקר' },
  ],
};

const CONDITIONS_DESCRIPTION = 'The audience rule language applied to the customer (as segments); null: every customer';

@ApiExtraModels(SendMessageActionDto, TagActionDto, WaitActionDto, WebhookActionDto)
export class AutomationRuleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'תודה אחרי תור' })
  name: string;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ type: 'integer', example: 1, description: 'The current version; each change of trigger, conditions or actions adds one' })
  version: number;

  @ApiProperty({ type: AutomationTriggerDto })
  trigger: AutomationTrigger;

  @ApiProperty({ type: AudienceRuleDto, nullable: true, description: CONDITIONS_DESCRIPTION })
  conditions: AudienceRule | null;

  @ApiProperty(ACTIONS_SCHEMA)
  actions: AutomationAction[];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class AutomationRuleVersionDto {
  @ApiProperty({ type: 'integer', example: 2 })
  version: number;

  @ApiProperty({ type: AutomationTriggerDto })
  trigger: AutomationTrigger;

  @ApiProperty({ type: AudienceRuleDto, nullable: true, description: CONDITIONS_DESCRIPTION })
  conditions: AudienceRule | null;

  @ApiProperty(ACTIONS_SCHEMA)
  actions: AutomationAction[];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

@ApiExtraModels(SendMessageActionDto, TagActionDto, WaitActionDto, WebhookActionDto)
export class CreateAutomationRuleDto {
  @ApiProperty({ example: 'תודה אחרי תור', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ type: AutomationTriggerDto, example: { type: 'appointment.completed' } })
  @IsObject()
  trigger: AutomationTrigger;

  @ApiPropertyOptional({ type: AudienceRuleDto, nullable: true, description: CONDITIONS_DESCRIPTION })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsObject()
  conditions?: AudienceRule | null;

  @ApiProperty(ACTIONS_SCHEMA)
  @IsArray()
  actions: AutomationAction[];
}

export class UpdateAutomationRuleDto extends PatchType(CreateAutomationRuleDto) {}
