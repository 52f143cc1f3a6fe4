import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueueService } from '../../../infra/queue/job-queue.service';
import { JobName } from '../../../infra/queue/job-names';

const HOUR = 3_600_000;

/** Registers the repeatable housekeeping jobs (one scheduler per job name). */
@Injectable()
export class SchedulingHousekeeping implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.repeat(JobName.ReconcileAppointmentReminders, {}, HOUR);
    await this.jobs.repeat(JobName.PurgeIdempotencyKeys, {}, 6 * HOUR);
  }
}
