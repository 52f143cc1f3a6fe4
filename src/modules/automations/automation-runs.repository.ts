import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import type { RunStatus, RunStepRecord } from './automation.types';
import { AutomationRun } from './entities/automation-run.entity';

export type NewRun = Pick<
  AutomationRun,
  | 'ruleId'
  | 'ruleVersionId'
  | 'ruleVersion'
  | 'customerId'
  | 'trigger'
  | 'eventKey'
  | 'status'
  | 'chain'
  | 'data'
  | 'resumeAt'
  | 'result'
  | 'finishedAt'
>;

export interface RunFilter {
  ruleId?: string;
  customerId?: string;
  status?: RunStatus;
}

/** After a step: where the run stands. */
export interface RunAdvance {
  status: RunStatus;
  resumeAt: Date | null;
  finishedAt: Date | null;
  result?: string | null;
}

@Injectable()
export class AutomationRunsRepository extends TenantRepository<AutomationRun> {
  constructor(@InjectRepository(AutomationRun) repo: Repository<AutomationRun>) {
    super(repo);
  }

  /** Inserts the run unless this rule already fired for this event and customer; the new run, or null. */
  async insertIfAbsent(businessId: string, run: NewRun): Promise<AutomationRun | null> {
    this.scoped(businessId);
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .into(AutomationRun)
      .values({ ...run, businessId } as QueryDeepPartialEntity<AutomationRun>)
      .orIgnore()
      .returning('*')
      .execute();
    const rows = result.raw as Record<string, unknown>[];
    return rows.length ? this.hydrate(rows)[0] : null;
  }

  findByEvent(businessId: string, ruleId: string, eventKey: string, customerId: string): Promise<AutomationRun | null> {
    return this.findOne(businessId, { ruleId, eventKey, customerId });
  }

  /**
   * Records step `index` done and moves the run on, only if the run is still
   * active at that step: one statement, so a step redone (a job run twice, a
   * worker restarted) is recorded once. True when this call moved it.
   */
  async advance(businessId: string, id: string, index: number, step: RunStepRecord | null, to: RunAdvance): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await this.sql<{ id: string }>(
      `UPDATE automation_runs
          SET current_step = current_step + $4, steps = steps || $5::jsonb, status = $6, resume_at = $7, finished_at = $8,
              result = COALESCE($9, result)
        WHERE business_id = $1 AND id = $2 AND current_step = $3 AND status IN ('running', 'waiting')
        RETURNING id`,
      [
        this.scoped(businessId).businessId,
        id,
        index,
        step ? 1 : 0,
        JSON.stringify(step ? [step] : []),
        to.status,
        to.resumeAt,
        to.finishedAt,
        to.result ?? null,
      ],
    );
    return rows.length > 0;
  }

  /** Active runs whose next step was due before `before` (their job may be lost), of every business. */
  async due(before: Date, limit: number): Promise<AutomationRun[]> {
    const rows = await this.sql<Record<string, unknown>>(
      `SELECT * FROM automation_runs WHERE status IN ('running', 'waiting') AND resume_at < $1 ORDER BY resume_at LIMIT $2`,
      [before, limit],
    );
    return this.hydrate(rows);
  }

  list(businessId: string, filter: RunFilter, page: { offset: number; limit: number }): Promise<[AutomationRun[], number]> {
    const where: FindOptionsWhere<AutomationRun> = {};
    if (filter.ruleId) where.ruleId = filter.ruleId;
    if (filter.customerId) where.customerId = filter.customerId;
    if (filter.status) where.status = filter.status;
    return this.findPage(businessId, { where, order: { createdAt: 'DESC', id: 'DESC' } }, page);
  }
}
