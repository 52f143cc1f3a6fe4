import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { Customer } from '../../customers/entities/customer.entity';
import type { RunStatus, RunStepRecord, TriggerType } from '../automation.types';
import { AutomationRuleVersion } from './automation-rule-version.entity';
import { AutomationRule } from './automation-rule.entity';

/**
 * One firing of a rule version for a customer. The unique (rule, event key,
 * customer) makes an event delivered twice fire once. `currentStep` is the
 * next action to do; each done step is appended to `steps` in the same
 * conditional update that moves `currentStep` on, before the next step's job
 * is queued. `resumeAt`: when the next step is due (the sweep re-queues a
 * step whose job was lost).
 */
@Entity('automation_runs')
@Index('uq_automation_runs_rule_event_customer', ['ruleId', 'eventKey', 'customerId'], { unique: true })
@Index('ix_automation_runs_business_created', ['businessId', 'createdAt'])
@Index('ix_automation_runs_due', ['resumeAt'], { where: `status IN ('running', 'waiting')` })
export class AutomationRun extends TenantEntity {
  @Column('uuid')
  ruleId: string;

  @ManyToOne(() => AutomationRule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_id' })
  rule?: AutomationRule;

  @Column('uuid')
  ruleVersionId: string;

  @ManyToOne(() => AutomationRuleVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_version_id' })
  ruleVersionRow?: AutomationRuleVersion;

  @Column('integer')
  ruleVersion: number;

  @Column('uuid')
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  @Column('varchar', { length: 40 })
  trigger: TriggerType;

  @Column('varchar', { length: 300 })
  eventKey: string;

  @Column('varchar', { length: 20 })
  status: RunStatus;

  @Column('integer', { default: 0 })
  currentStep: number;

  @Column('jsonb', { default: () => `'[]'` })
  steps: RunStepRecord[];

  /** The rules whose actions led to this run, this run's rule last (the loop guard reads it). */
  @Column('jsonb', { default: () => `'[]'` })
  chain: string[];

  /** Values the trigger brought for templates (`data.*`). */
  @Column('jsonb', { nullable: true })
  data: Record<string, unknown> | null;

  @Column('timestamptz', { nullable: true })
  resumeAt: Date | null;

  @Column('text', { nullable: true })
  result: string | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
