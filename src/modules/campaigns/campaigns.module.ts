import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../business/business.module';
import { CustomersModule } from '../customers/customers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SegmentsModule } from '../segments/segments.module';
import { SubscribersModule } from '../subscribers/subscribers.module';
import { CampaignFanOutService } from './campaign-fan-out.service';
import { campaignLinksProvider } from './campaign-links.provider';
import { CampaignMessagesListener } from './campaign-messages.listener';
import { CampaignRecipientsRepository } from './campaign-recipients.repository';
import { CampaignScheduleService } from './campaign-schedule.service';
import { CampaignTestSendService } from './campaign-test-send.service';
import { CampaignTrackingController } from './campaign-tracking.controller';
import { CampaignTrackingService } from './campaign-tracking.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { CampaignRecipient } from './entities/campaign-recipient.entity';
import { Campaign } from './entities/campaign.entity';
import { SendCampaignBatchJob, SweepCampaignsJob } from './jobs/campaign.jobs';
import { CampaignSuggestionsService } from './suggestions/campaign-suggestions.service';

/**
 * Campaigns: a message to a segment, scheduled in the business time zone,
 * fanned out through the queue in batches into the message log (one marketing
 * message per recipient: consent, opt-out, quiet hours and the channel rate
 * limits come from notifications), with per-recipient stats and optional
 * open and click tracking.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Campaign, CampaignRecipient]),
    BusinessModule,
    CustomersModule,
    SegmentsModule,
    SubscribersModule,
    NotificationsModule,
  ],
  controllers: [CampaignsController, CampaignTrackingController],
  providers: [
    CampaignSuggestionsService,
    CampaignsRepository,
    CampaignRecipientsRepository,
    CampaignsService,
    CampaignScheduleService,
    CampaignFanOutService,
    CampaignTestSendService,
    CampaignTrackingService,
    CampaignMessagesListener,
    campaignLinksProvider,
    SendCampaignBatchJob,
    SweepCampaignsJob,
  ],
})
export class CampaignsModule {}
