import type { AutomationRuleDto, AutomationRuleVersionDto } from './dto/automation-rule.dto';
import type { AutomationRunDto } from './dto/automation-run.dto';
import type { AutomationRuleVersion } from './entities/automation-rule-version.entity';
import type { AutomationRule } from './entities/automation-rule.entity';
import type { AutomationRun } from './entities/automation-run.entity';

export const toAutomationRuleDto = (r: AutomationRule): AutomationRuleDto => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  version: r.version,
  trigger: r.trigger,
  conditions: r.conditions,
  actions: r.actions,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const toAutomationRuleVersionDto = (v: AutomationRuleVersion): AutomationRuleVersionDto => ({
  version: v.version,
  trigger: v.trigger,
  conditions: v.conditions,
  actions: v.actions,
  createdAt: v.createdAt,
});

export const toAutomationRunDto = (r: AutomationRun, totalSteps: number): AutomationRunDto => ({
  id: r.id,
  ruleId: r.ruleId,
  ruleVersion: r.ruleVersion,
  customerId: r.customerId,
  trigger: r.trigger,
  eventKey: r.eventKey,
  status: r.status,
  currentStep: r.currentStep,
  totalSteps,
  steps: r.steps,
  resumeAt: r.resumeAt,
  result: r.result,
  createdAt: r.createdAt,
  finishedAt: r.finishedAt,
});
