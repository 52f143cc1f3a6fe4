import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import type { AudienceRule } from '../../customers/audience/audience-rule';
import type { AutomationAction, AutomationTrigger, TriggerType } from '../automation.types';

/**
 * An automation rule: when `trigger` happens to a customer who meets
 * `conditions`, run `actions`. Its behaviour is versioned: every change of
 * trigger, conditions or actions is a new `automation_rule_versions` row and
 * `version` names the current one (runs keep the version they started with).
 */
@Entity('automation_rules')
@Index('ix_automation_rules_business_trigger', ['businessId', 'triggerType'])
export class AutomationRule extends TenantEntity {
  @Column('varchar', { length: 120 })
  name: string;

  @Column('boolean', { default: true })
  enabled: boolean;

  @Column('integer', { default: 1 })
  version: number;

  /** `trigger.type`, as a column to find the rules of an event. */
  @Column('varchar', { length: 40 })
  triggerType: TriggerType;

  @Column('jsonb')
  trigger: AutomationTrigger;

  @Column('jsonb', { nullable: true })
  conditions: AudienceRule | null;

  @Column('jsonb')
  actions: AutomationAction[];
}
