import { Injectable } from '@nestjs/common';
import { sha256 } from '../../common/crypto/tokens';
import { JobQueueService } from '../queue/job-queue.service';
import { JobName } from '../queue/job-names';
import type { MailMessage } from './mail.port';

/**
 * How features send mail: never inline, always as a `mail.send` job. A `key`
 * (e.g. `subscriber-confirm/<id>/<window>`) makes the job id deterministic,
 * so the same mail is queued at most once.
 */
@Injectable()
export class MailerService {
  constructor(private readonly jobs: JobQueueService) {}

  async enqueue(businessId: string, message: MailMessage, options: { key?: string } = {}): Promise<string> {
    const jobId = options.key ? `mail-${sha256(`${businessId}/${options.key}`).slice(0, 40)}` : undefined;
    const job = await this.jobs.enqueue(JobName.MailSend, { businessId, message }, { jobId });
    return job.id!;
  }
}
