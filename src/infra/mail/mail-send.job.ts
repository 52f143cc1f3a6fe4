import { Inject, Injectable } from '@nestjs/common';
import { JobHandler, JobHandlerContract } from '../queue/job-handler.decorator';
import { JobName, JobPayloads } from '../queue/job-names';
import { MAIL_TRANSPORT, type MailTransport } from './mail.port';

/** Hands one queued mail to the configured driver; failures retry with the queue's backoff. */
@Injectable()
@JobHandler(JobName.MailSend)
export class MailSendJob implements JobHandlerContract<JobName.MailSend> {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  handle(payload: JobPayloads[JobName.MailSend]): Promise<{ messageId: string }> {
    return this.transport.send(payload.message);
  }
}
