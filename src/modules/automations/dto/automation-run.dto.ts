import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { ACTION_TYPES, RunStatus, TRIGGER_TYPES, type TriggerType } from '../automation.types';

export class RunStepDto {
  @ApiProperty({ type: 'integer', example: 0 })
  index: number;

  @ApiProperty({ enum: ACTION_TYPES })
  type: string;

  @ApiProperty({
    enum: ['done', 'skipped', 'failed'],
    description: 'skipped: it could not apply (a marketing message without consent, no address)',
  })
  status: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;

  @ApiProperty({ type: String, nullable: true, example: 'message 7d1c…', description: 'What the step did, or why it was skipped' })
  detail: string | null;
}

export class AutomationRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  ruleId: string;

  @ApiProperty({ type: 'integer', description: 'The rule version the run executes (the one current when it started)' })
  ruleVersion: number;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ enum: TRIGGER_TYPES })
  trigger: TriggerType;

  @ApiProperty({
    example: 'appointment.booked:3f1c…',
    description: 'The occurrence that fired it (a rule fires once per event and customer)',
  })
  eventKey: string;

  @ApiProperty({ enum: RunStatus, description: 'loop_stopped: not run, the event was caused by this rule for this customer' })
  status: RunStatus;

  @ApiProperty({ type: 'integer', description: 'The next action to do (= steps done)' })
  currentStep: number;

  @ApiProperty({ type: 'integer', description: "Actions in the run's rule version" })
  totalSteps: number;

  @ApiProperty({ type: [RunStepDto] })
  steps: RunStepDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the next step is due (a wait ends)' })
  resumeAt: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it failed or was stopped' })
  result: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: Date | null;
}

export class AutomationRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ruleId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ enum: RunStatus })
  @IsOptional()
  @IsEnum(RunStatus)
  status?: RunStatus;
}
