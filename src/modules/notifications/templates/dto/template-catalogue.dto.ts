import { ApiProperty } from '@nestjs/swagger';
import { Channel, MessageLocale, TemplateKey } from '../../notification.types';
import { VariableKind } from '../template-variables';

export class TemplateVariableDto {
  @ApiProperty({ type: String, example: 'customer.firstName', description: 'As written in a template: `{{ customer.firstName }}`' })
  name: string;

  @ApiProperty({
    enum: VariableKind,
    description: 'instant: ISO 8601, write with `| date`, `| time`, `| datetime`; agorot: write with `| money`',
  })
  kind: VariableKind;

  @ApiProperty({ type: String, example: "The customer's first name" })
  description: string;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: 'נועה', description: 'The value previews use' })
  sample: string | number;
}

export class TemplateSlotStateDto {
  @ApiProperty({ enum: Channel })
  channel: Channel;

  @ApiProperty({ enum: MessageLocale })
  locale: MessageLocale;

  @ApiProperty({ type: Boolean, description: 'The business has its own version (else the built-in is sent)' })
  overridden: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the business last saved its version' })
  updatedAt: Date | null;
}

export class TemplateKeyDto {
  @ApiProperty({ enum: TemplateKey })
  key: TemplateKey;

  @ApiProperty({ type: String, example: 'To the customer when an appointment is booked' })
  description: string;

  @ApiProperty({ enum: Channel, isArray: true })
  channels: Channel[];

  @ApiProperty({ enum: MessageLocale, isArray: true })
  locales: MessageLocale[];

  @ApiProperty({ type: [TemplateVariableDto], description: 'What its templates may reference; any other name is refused on save' })
  variables: TemplateVariableDto[];

  @ApiProperty({ type: [TemplateSlotStateDto], description: 'Each channel and locale, and whether the business overrides it' })
  templates: TemplateSlotStateDto[];
}
