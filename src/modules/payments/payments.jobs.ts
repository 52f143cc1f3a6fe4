import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../infra/config/app-config';
import { JobHandler, type JobHandlerContract } from '../../infra/queue/job-handler.decorator';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName, type JobPayloads } from '../../infra/queue/job-names';
import { PaymentPipelineService } from './payment-pipeline.service';
import { PaymentSettlementService } from './payment-settlement.service';
import { PaymentsRepository } from './payments.repository';

/** How many due payments one sweep queues (the next sweep takes the rest). */
const SWEEP_BATCH = 500;

@Injectable()
@JobHandler(JobName.VerifyPaymentNotification)
export class VerifyPaymentNotificationJob implements JobHandlerContract<JobName.VerifyPaymentNotification> {
  constructor(private readonly settlement: PaymentSettlementService) {}
  handle(p: JobPayloads[JobName.VerifyPaymentNotification]): Promise<void> {
    return this.settlement.verifyNotification(p.businessId, p.notificationId);
  }
}

@Injectable()
@JobHandler(JobName.CheckPayment)
export class CheckPaymentJob implements JobHandlerContract<JobName.CheckPayment> {
  constructor(private readonly settlement: PaymentSettlementService) {}
  handle(p: JobPayloads[JobName.CheckPayment]): Promise<void> {
    return this.settlement.check(p.businessId, p.paymentId);
  }
}

@Injectable()
@JobHandler(JobName.IssuePaymentDocument)
export class IssuePaymentDocumentJob implements JobHandlerContract<JobName.IssuePaymentDocument> {
  constructor(private readonly pipeline: PaymentPipelineService) {}
  handle(p: JobPayloads[JobName.IssuePaymentDocument]): Promise<void> {
    return this.pipeline.issueDocument(p.businessId, p.paymentId);
  }
}

@Injectable()
@JobHandler(JobName.SendPaymentReceipt)
export class SendPaymentReceiptJob implements JobHandlerContract<JobName.SendPaymentReceipt> {
  constructor(private readonly pipeline: PaymentPipelineService) {}
  handle(p: JobPayloads[JobName.SendPaymentReceipt]): Promise<void> {
    return this.pipeline.sendReceipt(p.businessId, p.paymentId);
  }
}

@Injectable()
@JobHandler(JobName.CreditPaymentRefunds)
export class CreditPaymentRefundsJob implements JobHandlerContract<JobName.CreditPaymentRefunds> {
  constructor(private readonly pipeline: PaymentPipelineService) {}
  handle(p: JobPayloads[JobName.CreditPaymentRefunds]): Promise<void> {
    return this.pipeline.creditRefunds(p.businessId, p.paymentId);
  }
}

/**
 * Every PAYMENT_SWEEP_INTERVAL_MS: one CheckPayment job per payment whose check is due,
 * its id naming the check (its count and due time): a check rescheduled without a new
 * count (paid by the poll itself, or by a notification during it) is a new job, not the
 * finished one of the check before.
 */
@Injectable()
@JobHandler(JobName.SweepPayments)
export class SweepPaymentsJob implements JobHandlerContract<JobName.SweepPayments>, OnApplicationBootstrap {
  private readonly intervalMs: number;

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly jobs: JobQueueService,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.intervalMs = config.get('PAYMENT_SWEEP_INTERVAL_MS', { infer: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.repeat(JobName.SweepPayments, {}, this.intervalMs);
  }

  async handle(): Promise<{ queued: number }> {
    const due = await this.payments.due(new Date(), SWEEP_BATCH);
    await Promise.all(
      due.map(({ businessId, id, checks, dueAt }) =>
        this.jobs.enqueue(
          JobName.CheckPayment,
          { businessId, paymentId: id },
          { jobId: `payment-check-${id}-${checks}-${dueAt.getTime()}` },
        ),
      ),
    );
    return { queued: due.length };
  }
}
