import { Injectable } from '@nestjs/common';
import { JobHandler, JobHandlerContract } from '../../infra/queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../infra/queue/job-names';
import { type AttemptOutcome, WebhookSender } from './webhook-sender.service';

/** One attempt of one webhook delivery. */
@Injectable()
@JobHandler(JobName.DeliverWebhook)
export class DeliverWebhookJob implements JobHandlerContract<JobName.DeliverWebhook> {
  constructor(private readonly sender: WebhookSender) {}

  handle(payload: JobPayloads[JobName.DeliverWebhook]): Promise<AttemptOutcome> {
    return this.sender.attempt(payload);
  }
}
