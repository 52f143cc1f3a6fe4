import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { TriggerType } from './automation.types';
import { AutomationRuleVersion } from './entities/automation-rule-version.entity';
import { AutomationRule } from './entities/automation-rule.entity';

@Injectable()
export class AutomationRulesRepository extends TenantRepository<AutomationRule> {
  constructor(@InjectRepository(AutomationRule) repo: Repository<AutomationRule>) {
    super(repo);
  }

  /** Whether the business has an enabled rule on this trigger (listeners skip queuing a job when not). */
  async hasEnabled(businessId: string, trigger: TriggerType): Promise<boolean> {
    const rows = await this.sql<{ one: number }>(
      `SELECT 1 AS one FROM automation_rules WHERE business_id = $1 AND trigger_type = $2 AND enabled LIMIT 1`,
      [this.scoped(businessId).businessId, trigger],
    );
    return rows.length > 0;
  }

  enabledFor(businessId: string, trigger: TriggerType): Promise<AutomationRule[]> {
    return this.findMany(businessId, { triggerType: trigger, enabled: true }, { createdAt: 'ASC', id: 'ASC' });
  }

  /** Every enabled scheduled rule, of every business (the daily sweep). */
  async enabledScheduled(): Promise<AutomationRule[]> {
    return this.repo.find({ where: { triggerType: TriggerType.scheduled, enabled: true }, order: { businessId: 'ASC', id: 'ASC' } });
  }
}

@Injectable()
export class AutomationRuleVersionsRepository extends TenantRepository<AutomationRuleVersion> {
  constructor(@InjectRepository(AutomationRuleVersion) repo: Repository<AutomationRuleVersion>) {
    super(repo);
  }

  findVersion(businessId: string, ruleId: string, version: number): Promise<AutomationRuleVersion | null> {
    return this.findOne(businessId, { ruleId, version });
  }

  /** How many actions each of these versions has, by version id. */
  async actionCounts(businessId: string, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await this.sql<{ id: string; n: number }>(
      `SELECT id, jsonb_array_length(actions) AS n FROM automation_rule_versions WHERE business_id = $1 AND id = ANY($2::uuid[])`,
      [this.scoped(businessId).businessId, ids],
    );
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }
}
