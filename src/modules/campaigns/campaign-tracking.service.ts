import { Inject, Injectable } from '@nestjs/common';
import { NotFoundAppException } from '../../common/problem/app.exception';
import type { CampaignLinks } from './campaign-links';
import { CAMPAIGN_LINKS } from './campaign-links.provider';
import { CampaignRecipientsRepository } from './campaign-recipients.repository';

const SAFE_TARGET = /^https?:\/\//i;

/** Opens and clicks of campaign emails: once per recipient each, only through links we signed. */
@Injectable()
export class CampaignTrackingService {
  constructor(
    private readonly recipients: CampaignRecipientsRepository,
    @Inject(CAMPAIGN_LINKS) private readonly links: CampaignLinks,
  ) {}

  /** The pixel was loaded: records the first open (when the campaign tracks opens). 404 for a link we did not sign. */
  async open(messageId: string, signature: string, now = new Date()): Promise<void> {
    if (!this.links.verify('open', messageId, signature)) throw new NotFoundAppException('link');
    const recipient = await this.recipients.trackingOf(messageId);
    if (!recipient) throw new NotFoundAppException('link');
    if (recipient.trackOpens) await this.recipients.recordOpen(recipient.id, now);
  }

  /** Where a tracked link goes, after recording the first click; 404 unless we signed this URL for this message. */
  async click(messageId: string, signature: string, url: string | undefined, now = new Date()): Promise<string> {
    if (!url || !SAFE_TARGET.test(url) || !this.links.verify('click', messageId, signature, url)) throw new NotFoundAppException('link');
    const recipient = await this.recipients.trackingOf(messageId);
    if (!recipient) throw new NotFoundAppException('link');
    if (recipient.trackClicks) await this.recipients.recordClick(recipient.id, now);
    return url;
  }
}
