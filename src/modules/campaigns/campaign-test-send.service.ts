import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import { parseEmail } from '../customers/customer-contact';
import { Channel, MessageKind } from '../notifications/notification.types';
import { NotificationsService } from '../notifications/notifications.service';
import { campaignSource } from './campaign-content';
import { CampaignsRepository } from './campaigns.repository';
import type { TestSendDto, TestSendResultDto } from './dto/campaign.dto';

/**
 * A campaign's message to one address, for the business to see it (any
 * status): rendered as a recipient at that address would get it (their name
 * when the address is a customer's), sent as transactional (the business asked
 * for it), not counted in the campaign's stats, not tracked.
 */
@Injectable()
export class CampaignTestSendService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async send(businessId: string, id: string, dto: TestSendDto): Promise<TestSendResultDto> {
    const c = await this.campaigns.findById(businessId, id);
    if (!c) throw new NotFoundAppException('campaign', id);
    if (c.channel === Channel.email && !parseEmail(dto.to))
      throw new AppException(HttpStatus.BAD_REQUEST, 'validation_failed', 'to must be an email address for an email campaign', [
        { field: 'to', message: 'to must be an email address' },
      ]);
    const { message } = await this.notifications.send(businessId, {
      channel: c.channel,
      kind: MessageKind.transactional,
      to: dto.to,
      source: campaignSource(c),
      whatsappTemplate: c.channel === Channel.whatsapp ? (c.whatsappTemplate ?? undefined) : undefined,
      locale: c.locale ?? undefined,
    });
    return { messageId: message.id, to: message.to, status: message.status };
  }
}
