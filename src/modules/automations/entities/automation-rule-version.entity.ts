import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import type { AudienceRule } from '../../customers/audience/audience-rule';
import type { AutomationAction, AutomationTrigger } from '../automation.types';
import { AutomationRule } from './automation-rule.entity';

/** A rule's behaviour as it was at one version; written once, never changed. Runs execute these. */
@Entity('automation_rule_versions')
@Index('uq_automation_rule_versions_rule_version', ['ruleId', 'version'], { unique: true })
export class AutomationRuleVersion extends TenantEntity {
  @Column('uuid')
  ruleId: string;

  @ManyToOne(() => AutomationRule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_id' })
  rule?: AutomationRule;

  @Column('integer')
  version: number;

  @Column('jsonb')
  trigger: AutomationTrigger;

  @Column('jsonb', { nullable: true })
  conditions: AudienceRule | null;

  @Column('jsonb')
  actions: AutomationAction[];
}
