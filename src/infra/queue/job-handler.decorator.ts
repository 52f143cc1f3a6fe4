import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './job-names';

export const JOB_HANDLER = 'queue:job-handler';

/** Marks the one class that handles a job name. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);

export interface JobHandlerContract<N extends JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<unknown>;
}
