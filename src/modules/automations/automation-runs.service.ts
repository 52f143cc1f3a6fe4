import { Injectable } from '@nestjs/common';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { toAutomationRunDto } from './automation.mapper';
import { AutomationRuleVersionsRepository } from './automation-rules.repository';
import { AutomationRunsRepository, type RunFilter } from './automation-runs.repository';
import type { AutomationRunDto } from './dto/automation-run.dto';
import type { AutomationRun } from './entities/automation-run.entity';

/** The record of runs: what fired, for whom, which steps are done and how it ended. */
@Injectable()
export class AutomationRunsService {
  constructor(
    private readonly runs: AutomationRunsRepository,
    private readonly versions: AutomationRuleVersionsRepository,
  ) {}

  async list(businessId: string, filter: RunFilter, page: { offset: number; limit: number }): Promise<[AutomationRunDto[], number]> {
    const [rows, total] = await this.runs.list(businessId, filter, page);
    return [await this.toDtos(businessId, rows), total];
  }

  async get(businessId: string, id: string): Promise<AutomationRunDto> {
    const run = await this.runs.findById(businessId, id);
    if (!run) throw new NotFoundAppException('automation_run', id);
    return (await this.toDtos(businessId, [run]))[0];
  }

  private async toDtos(businessId: string, runs: AutomationRun[]): Promise<AutomationRunDto[]> {
    const counts = await this.versions.actionCounts(businessId, [...new Set(runs.map((r) => r.ruleVersionId))]);
    return runs.map((r) => toAutomationRunDto(r, counts.get(r.ruleVersionId) ?? 0));
  }
}
