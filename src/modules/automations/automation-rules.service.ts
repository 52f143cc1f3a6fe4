import { Injectable } from '@nestjs/common';
import { requestHash } from '../../common/crypto/canonical-hash';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { requireAutomationParts } from './automation-definition';
import { toAutomationRuleDto, toAutomationRuleVersionDto } from './automation.mapper';
import type { AutomationDefinition } from './automation.types';
import { AutomationRulesRepository, AutomationRuleVersionsRepository } from './automation-rules.repository';
import type {
  AutomationRuleDto,
  AutomationRuleVersionDto,
  CreateAutomationRuleDto,
  UpdateAutomationRuleDto,
} from './dto/automation-rule.dto';
import type { AutomationRule } from './entities/automation-rule.entity';

/**
 * Rules: create, read, change, delete. A change of trigger, conditions or
 * actions writes a new immutable version in the same transaction as the rule
 * (runs already started keep theirs); renaming or enabling does not.
 */
@Injectable()
export class AutomationRulesService {
  constructor(
    private readonly rules: AutomationRulesRepository,
    private readonly versions: AutomationRuleVersionsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async create(businessId: string, dto: CreateAutomationRuleDto): Promise<AutomationRuleDto> {
    const parts = requireAutomationParts({ trigger: dto.trigger, conditions: dto.conditions ?? null, actions: dto.actions });
    const def = parts as AutomationDefinition;
    const rule = await this.tx.run(async (em) => {
      const saved = await this.rules.withManager(em).insert(businessId, {
        name: dto.name,
        enabled: dto.enabled ?? true,
        version: 1,
        triggerType: def.trigger.type,
        ...def,
      });
      await this.versions.withManager(em).insert(businessId, { ruleId: saved.id, version: 1, ...def });
      return saved;
    });
    return toAutomationRuleDto(rule);
  }

  async list(businessId: string, page: { offset: number; limit: number }): Promise<[AutomationRuleDto[], number]> {
    const [rows, total] = await this.rules.findPage(businessId, { order: { createdAt: 'ASC', id: 'ASC' } }, page);
    return [rows.map(toAutomationRuleDto), total];
  }

  async get(businessId: string, id: string): Promise<AutomationRuleDto> {
    return toAutomationRuleDto(await this.require(businessId, id));
  }

  async update(businessId: string, id: string, dto: UpdateAutomationRuleDto): Promise<AutomationRuleDto> {
    const parts = requireAutomationParts({ trigger: dto.trigger, conditions: dto.conditions, actions: dto.actions });
    const rule = await this.tx.run(async (em) => {
      const rules = this.rules.withManager(em);
      const rule = await rules.lockById(businessId, id);
      if (!rule) throw new NotFoundAppException('automation', id);
      if (dto.name !== undefined) rule.name = dto.name;
      if (dto.enabled !== undefined) rule.enabled = dto.enabled;
      const next: AutomationDefinition = {
        trigger: parts.trigger ?? rule.trigger,
        conditions: parts.conditions !== undefined ? parts.conditions : rule.conditions,
        actions: parts.actions ?? rule.actions,
      };
      const current: AutomationDefinition = { trigger: rule.trigger, conditions: rule.conditions, actions: rule.actions };
      if (requestHash('automation', next) !== requestHash('automation', current)) {
        Object.assign(rule, next, { version: rule.version + 1, triggerType: next.trigger.type });
        await this.versions.withManager(em).insert(businessId, { ruleId: rule.id, version: rule.version, ...next });
      }
      return rules.save(businessId, rule);
    });
    return toAutomationRuleDto(rule);
  }

  /** Deletes the rule with its versions and runs (a step still queued finds no run and does nothing). */
  async remove(businessId: string, id: string): Promise<void> {
    if (!(await this.rules.deleteById(businessId, id))) throw new NotFoundAppException('automation', id);
  }

  async versionsOf(businessId: string, id: string, page: { offset: number; limit: number }): Promise<[AutomationRuleVersionDto[], number]> {
    await this.require(businessId, id);
    const [rows, total] = await this.versions.findPage(businessId, { where: { ruleId: id }, order: { version: 'DESC' } }, page);
    return [rows.map(toAutomationRuleVersionDto), total];
  }

  private async require(businessId: string, id: string): Promise<AutomationRule> {
    const rule = await this.rules.findById(businessId, id);
    if (!rule) throw new NotFoundAppException('automation', id);
    return rule;
  }
}
