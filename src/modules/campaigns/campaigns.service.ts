import { Injectable } from '@nestjs/common';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { BusinessDirectory } from '../business/business-directory.service';
import { SegmentsService } from '../segments/segments.service';
import { CampaignStatus } from './campaign.types';
import { campaignContentErrors, campaignSource } from './campaign-content';
import type { WhatsAppTemplateRef } from '../notifications/message.types';
import { Channel } from '../notifications/notification.types';
import { toCampaignDto, toStatsDto } from './campaign.mapper';
import { CampaignRecipientsRepository } from './campaign-recipients.repository';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignContentException, CampaignNotEditableException, CampaignStateException } from './campaigns.exception';
import type { CampaignDto, CampaignQueryDto, CampaignStatsDto, CreateCampaignDto, UpdateCampaignDto } from './dto/campaign.dto';
import type { Campaign } from './entities/campaign.entity';

const EDITABLE = new Set([CampaignStatus.draft, CampaignStatus.scheduled]);

/** Campaigns as records: create, list, read, edit while a draft or scheduled, delete, and their stats. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly recipients: CampaignRecipientsRepository,
    private readonly segments: SegmentsService,
    private readonly directory: BusinessDirectory,
    private readonly tx: TransactionRunner,
  ) {}

  async create(businessId: string, dto: CreateCampaignDto): Promise<CampaignDto> {
    this.checkContent(dto);
    this.checkAudience(dto.segmentId ?? null, dto.subscriberList ?? null);
    if (dto.segmentId) await this.segments.ruleOf(businessId, dto.segmentId);
    const saved = await this.campaigns.insert(businessId, {
      name: dto.name,
      channel: dto.channel,
      segmentId: dto.segmentId ?? null,
      subscriberList: dto.subscriberList ?? null,
      subject: dto.subject ?? null,
      body: dto.body,
      html: dto.html ?? null,
      whatsappTemplate: dto.whatsappTemplate ?? null,
      locale: dto.locale ?? null,
      trackOpens: dto.trackOpens ?? false,
      trackClicks: dto.trackClicks ?? false,
    });
    return this.dto(businessId, saved);
  }

  async list(businessId: string, query: CampaignQueryDto): Promise<[CampaignDto[], number]> {
    const [rows, total] = await this.campaigns.findPage(
      businessId,
      { where: query.status ? { status: query.status } : {}, order: { createdAt: 'DESC', id: 'DESC' } },
      query,
    );
    const { timezone } = await this.directory.require(businessId);
    return [rows.map((c) => toCampaignDto(c, timezone)), total];
  }

  async get(businessId: string, id: string): Promise<CampaignDto> {
    return this.dto(businessId, await this.require(businessId, id));
  }

  async update(businessId: string, id: string, dto: UpdateCampaignDto): Promise<CampaignDto> {
    const saved = await this.tx.run(async (em) => {
      const repo = this.campaigns.withManager(em);
      const campaign = await repo.lockById(businessId, id);
      if (!campaign) throw new NotFoundAppException('campaign', id);
      if (!EDITABLE.has(campaign.status)) throw new CampaignNotEditableException(campaign.status);
      if (dto.segmentId) await this.segments.ruleOf(businessId, dto.segmentId);
      if (dto.name !== undefined) campaign.name = dto.name;
      if (dto.channel !== undefined) campaign.channel = dto.channel;
      if (dto.segmentId !== undefined) campaign.segmentId = dto.segmentId;
      if (dto.subscriberList !== undefined) campaign.subscriberList = dto.subscriberList;
      this.checkAudience(campaign.segmentId, campaign.subscriberList);
      if (dto.subject !== undefined) campaign.subject = dto.subject;
      if (dto.body !== undefined) campaign.body = dto.body;
      if (dto.html !== undefined) campaign.html = dto.html;
      if (dto.whatsappTemplate !== undefined) campaign.whatsappTemplate = dto.whatsappTemplate;
      if (dto.locale !== undefined) campaign.locale = dto.locale;
      if (dto.trackOpens !== undefined) campaign.trackOpens = dto.trackOpens;
      if (dto.trackClicks !== undefined) campaign.trackClicks = dto.trackClicks;
      this.checkContent(campaign);
      return repo.save(businessId, campaign);
    });
    return this.dto(businessId, saved);
  }

  /** A sending campaign is cancelled first (its messages are on their way). */
  async remove(businessId: string, id: string): Promise<void> {
    const campaign = await this.require(businessId, id);
    if (campaign.status === CampaignStatus.sending) throw new CampaignStateException('deleted (cancel it first)', campaign.status);
    await this.campaigns.deleteById(businessId, id);
  }

  async stats(businessId: string, id: string): Promise<CampaignStatsDto> {
    const campaign = await this.require(businessId, id);
    return toStatsDto(campaign, await this.recipients.tally(businessId, id));
  }

  async require(businessId: string, id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findById(businessId, id);
    if (!campaign) throw new NotFoundAppException('campaign', id);
    return campaign;
  }

  async dto(businessId: string, c: Campaign): Promise<CampaignDto> {
    return toCampaignDto(c, (await this.directory.require(businessId)).timezone);
  }

  private checkAudience(segmentId: string | null, subscriberList: string | null): void {
    if (segmentId && subscriberList)
      throw new CampaignContentException([{ field: 'subscriberList', message: 'send to a segment or to a subscribers list, not both' }]);
  }

  private checkContent(
    c: Pick<Campaign, 'channel' | 'body'> & {
      subject?: string | null;
      html?: string | null;
      whatsappTemplate?: WhatsAppTemplateRef | null;
    },
  ): void {
    const errors = campaignContentErrors(
      campaignSource({ channel: c.channel, body: c.body, subject: c.subject ?? null, html: c.html ?? null }),
    );
    if (c.whatsappTemplate && c.channel !== Channel.whatsapp)
      errors.push({ field: 'whatsappTemplate', message: 'whatsappTemplate is for the whatsapp channel only' });
    c.whatsappTemplate?.parameters.forEach((parameter, i) => {
      for (const e of campaignContentErrors({ subject: null, body: parameter, html: null }))
        errors.push({ field: `whatsappTemplate.parameters.${i}`, message: e.message });
    });
    if (errors.length) throw new CampaignContentException(errors);
  }
}
