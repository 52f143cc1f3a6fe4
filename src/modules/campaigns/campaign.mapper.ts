import { toZonedIso } from '../../common/time/zoned-time';
import type { CampaignDto, CampaignStatsDto } from './dto/campaign.dto';
import type { Campaign } from './entities/campaign.entity';
import { Channel } from '../notifications/notification.types';
import { RecipientStatus } from './campaign.types';
import type { RecipientTally } from './campaign-recipients.repository';

export const toCampaignDto = (c: Campaign, timeZone: string): CampaignDto => ({
  id: c.id,
  name: c.name,
  channel: c.channel,
  segmentId: c.segmentId,
  subscriberList: c.subscriberList,
  subject: c.subject,
  body: c.body,
  html: c.html,
  whatsappTemplate: c.whatsappTemplate,
  locale: c.locale,
  status: c.status,
  scheduledAt: c.scheduledAt,
  scheduledAtLocal: c.scheduledAt ? toZonedIso(c.scheduledAt, timeZone) : null,
  trackOpens: c.trackOpens,
  trackClicks: c.trackClicks,
  startedAt: c.startedAt,
  finishedAt: c.finishedAt,
  cancelledAt: c.cancelledAt,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export function toStatsDto(c: Pick<Campaign, 'channel' | 'trackOpens' | 'trackClicks'>, t: RecipientTally): CampaignStatsDto {
  const n = (s: RecipientStatus) => t.byStatus[s] ?? 0;
  const email = c.channel === Channel.email;
  return {
    recipients: Object.values(t.byStatus).reduce((a, b) => a + (b ?? 0), 0),
    pending: n(RecipientStatus.pending),
    queued: n(RecipientStatus.queued),
    suppressed: n(RecipientStatus.suppressed),
    skipped: n(RecipientStatus.skipped),
    cancelled: n(RecipientStatus.cancelled),
    sent: n(RecipientStatus.sent) + n(RecipientStatus.delivered) + n(RecipientStatus.bounced),
    delivered: n(RecipientStatus.delivered),
    failed: n(RecipientStatus.failed),
    bounced: n(RecipientStatus.bounced),
    opened: email && c.trackOpens ? t.opened : null,
    clicked: email && c.trackClicks ? t.clicked : null,
    unsubscribed: t.unsubscribed,
  };
}
