import { Injectable } from '@nestjs/common';
import type { FieldError } from '../../common/problem/problem-details';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { parseZonedDateTime } from '../../common/time/zoned-time';
import { BusinessDirectory } from '../business/business-directory.service';
import type { AudienceRule } from '../customers/audience/audience-rule';
import { Channel } from '../notifications/notification.types';
import { SegmentsService } from '../segments/segments.service';
import { CampaignStatus } from './campaign.types';
import { CampaignFanOutService } from './campaign-fan-out.service';
import { toCampaignDto } from './campaign.mapper';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignIncompleteException, CampaignStateException } from './campaigns.exception';
import type { CampaignDto, ScheduleCampaignDto } from './dto/campaign.dto';
import type { Campaign } from './entities/campaign.entity';

/**
 * The state machine's moves that people make: schedule (now, or at a time
 * read in the business time zone) and cancel. Sending itself moves
 * sending → sent (CampaignFanOutService).
 */
@Injectable()
export class CampaignScheduleService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly segments: SegmentsService,
    private readonly directory: BusinessDirectory,
    private readonly fanOut: CampaignFanOutService,
  ) {}

  async schedule(businessId: string, id: string, dto: ScheduleCampaignDto, now = new Date()): Promise<CampaignDto> {
    const campaign = await this.require(businessId, id);
    if (campaign.status !== CampaignStatus.draft && campaign.status !== CampaignStatus.scheduled)
      throw new CampaignStateException('scheduled', campaign.status);
    const rule = await this.audienceOf(campaign);
    const { timezone } = await this.directory.require(businessId);
    const at = dto.sendAt ? parseZonedDateTime(dto.sendAt, timezone) : null;
    let moved: Campaign | null;
    if (!at || at.getTime() <= now.getTime()) {
      moved = await this.campaigns.start(businessId, id, rule, now);
      if (moved) await this.fanOut.queueFirstBatch(moved);
    } else {
      moved = await this.campaigns.schedule(businessId, id, at, rule);
      if (moved) await this.fanOut.queueStart(moved, at, now);
    }
    if (!moved) throw new CampaignStateException('scheduled', (await this.require(businessId, id)).status);
    return toCampaignDto(moved, timezone);
  }

  /** Stops a campaign: nothing more is selected, and messages not yet sent stay unsent. */
  async cancel(businessId: string, id: string, now = new Date()): Promise<CampaignDto> {
    const cancelled = await this.campaigns.cancel(businessId, id, now);
    if (!cancelled) throw new CampaignStateException('cancelled', (await this.require(businessId, id)).status);
    await this.fanOut.stopUnsent(businessId, id);
    return toCampaignDto(cancelled, (await this.directory.require(businessId)).timezone);
  }

  /** The segment's rule (null for a subscribers list); 422 naming what is missing (an audience, an email subject). */
  private async audienceOf(c: Campaign): Promise<AudienceRule | null> {
    const errors: FieldError[] = [];
    if (c.channel === Channel.email && !c.subject?.trim()) errors.push({ field: 'subject', message: 'an email campaign needs a subject' });
    let rule: AudienceRule | null = null;
    if (c.subscriberList) {
      if (errors.length) throw new CampaignIncompleteException(errors);
      return null;
    }
    if (!c.segmentId) errors.push({ field: 'segmentId', message: 'choose the segment (or subscriberList) to send to' });
    else {
      try {
        rule = await this.segments.ruleOf(c.businessId, c.segmentId);
      } catch (err) {
        if (!(err instanceof NotFoundAppException)) throw err;
        errors.push({ field: 'segmentId', message: 'the segment was deleted' });
      }
    }
    if (errors.length || !rule) throw new CampaignIncompleteException(errors);
    return rule;
  }

  private async require(businessId: string, id: string): Promise<Campaign> {
    const c = await this.campaigns.findById(businessId, id);
    if (!c) throw new NotFoundAppException('campaign', id);
    return c;
  }
}
