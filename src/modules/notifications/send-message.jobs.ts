import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler, JobHandlerContract } from '../../infra/queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../infra/queue/job-names';
import { MessageSender, SendOutcome } from './message-sender.service';

type SendPayload = JobPayloads[JobName.SendEmail];
const attemptOf = (job: Job) => ({ made: job.attemptsMade, max: job.opts.attempts ?? 1 });

/** Sends one queued email of the message log. */
@Injectable()
@JobHandler(JobName.SendEmail)
export class SendEmailJob implements JobHandlerContract<JobName.SendEmail> {
  constructor(private readonly sender: MessageSender) {}

  handle(payload: SendPayload, job: Job<SendPayload>): Promise<SendOutcome> {
    return this.sender.deliver(payload.businessId, payload.messageId, attemptOf(job));
  }
}

/** Sends one queued SMS of the message log. */
@Injectable()
@JobHandler(JobName.SendSms)
export class SendSmsJob implements JobHandlerContract<JobName.SendSms> {
  constructor(private readonly sender: MessageSender) {}

  handle(payload: SendPayload, job: Job<SendPayload>): Promise<SendOutcome> {
    return this.sender.deliver(payload.businessId, payload.messageId, attemptOf(job));
  }
}

/** Sends one queued WhatsApp message of the message log. */
@Injectable()
@JobHandler(JobName.SendWhatsApp)
export class SendWhatsAppJob implements JobHandlerContract<JobName.SendWhatsApp> {
  constructor(private readonly sender: MessageSender) {}

  handle(payload: SendPayload, job: Job<SendPayload>): Promise<SendOutcome> {
    return this.sender.deliver(payload.businessId, payload.messageId, attemptOf(job));
  }
}
