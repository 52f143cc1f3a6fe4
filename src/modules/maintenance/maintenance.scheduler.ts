import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName } from '../../infra/queue/job-names';

const HOURLY = 3_600_000;

/** Registers the repeatable maintenance jobs (idempotent: one scheduler per job name). */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.repeat(JobName.PurgeExpiredRefreshTokens, {}, HOURLY);
  }
}
