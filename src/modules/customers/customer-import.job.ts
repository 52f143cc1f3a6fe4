import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler, JobHandlerContract } from '../../infra/queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../infra/queue/job-names';
import { CustomerImportService } from './customer-import.service';

type Payload = JobPayloads[JobName.ImportCustomers];

/** Runs one CSV import; a retry resumes after the last committed chunk. */
@Injectable()
@JobHandler(JobName.ImportCustomers)
export class CustomerImportJob implements JobHandlerContract<JobName.ImportCustomers> {
  constructor(private readonly imports: CustomerImportService) {}

  async handle(payload: Payload, job: Job<Payload>): Promise<{ created: number; updated: number; skipped: number; failed: number } | null> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const report = await this.imports.run(payload.businessId, payload.importId, { lastAttempt });
    return report && { created: report.created, updated: report.updated, skipped: report.skipped, failed: report.failed };
  }
}
