import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../../infra/config/app-config';
import { JobHandler, JobHandlerContract } from '../../../infra/queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../../infra/queue/job-names';
import { JobQueueService } from '../../../infra/queue/job-queue.service';
import { CampaignFanOutService } from '../campaign-fan-out.service';

/** One batch of a campaign's recipients (or its start, when it was scheduled). */
@Injectable()
@JobHandler(JobName.SendCampaignBatch)
export class SendCampaignBatchJob implements JobHandlerContract<JobName.SendCampaignBatch> {
  constructor(private readonly fanOut: CampaignFanOutService) {}

  handle(p: JobPayloads[JobName.SendCampaignBatch]): Promise<{ outcome: string; recipients?: number }> {
    return this.fanOut.runBatch(p.businessId, p.campaignId, p.batch);
  }
}

/** Every CAMPAIGN_SWEEP_INTERVAL_MS: due scheduled campaigns start, stalled sending ones resume. */
@Injectable()
@JobHandler(JobName.SweepCampaigns)
export class SweepCampaignsJob implements JobHandlerContract<JobName.SweepCampaigns>, OnApplicationBootstrap {
  private readonly intervalMs: number;

  constructor(
    private readonly fanOut: CampaignFanOutService,
    private readonly jobs: JobQueueService,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.intervalMs = config.get('CAMPAIGN_SWEEP_INTERVAL_MS', { infer: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.repeat(JobName.SweepCampaigns, {}, this.intervalMs);
  }

  handle(): Promise<{ started: number; resumed: number; reconciled: number }> {
    return this.fanOut.sweep();
  }
}
