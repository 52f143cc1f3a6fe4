import { Injectable } from '@nestjs/common';
import { JobHandler, JobHandlerContract } from '../../infra/queue/job-handler.decorator';
import { JobName } from '../../infra/queue/job-names';
import { IdempotencyService } from './idempotency.service';

const WEEK_MS = 7 * 24 * 3_600_000;

/** Idempotency keys are kept a week: long enough for any client retry. */
@Injectable()
@JobHandler(JobName.PurgeIdempotencyKeys)
export class PurgeIdempotencyKeysJob implements JobHandlerContract<JobName.PurgeIdempotencyKeys> {
  constructor(private readonly idempotency: IdempotencyService) {}

  async handle(): Promise<{ deleted: number }> {
    return { deleted: await this.idempotency.purgeOlderThan(new Date(Date.now() - WEEK_MS)) };
  }
}
