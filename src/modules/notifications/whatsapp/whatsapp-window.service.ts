import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException } from '../../../common/problem/app.exception';
import { WhatsAppContactsRepository } from './whatsapp-contacts.repository';

/** WhatsApp's customer service window: free text may be sent until 24 hours after the person's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The 24-hour customer service window per phone, opened by each message the person sends the business. */
@Injectable()
export class WhatsAppWindowService {
  constructor(private readonly contacts: WhatsAppContactsRepository) {}

  async isOpen(businessId: string, phone: string, now = new Date()): Promise<boolean> {
    const last = await this.contacts.lastInboundAt(businessId, phone);
    return last !== null && now.getTime() - last.getTime() < SERVICE_WINDOW_MS;
  }

  /** 422 `message.whatsapp_window_closed` unless the phone wrote within 24 hours. */
  async requireOpen(businessId: string, phone: string, now = new Date()): Promise<void> {
    if (await this.isOpen(businessId, phone, now)) return;
    throw new AppException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'message.whatsapp_window_closed',
      `WhatsApp's 24-hour rule: free text may be sent to ${phone} only within 24 hours of their last message to the business, and they have not written in that time. Send an approved template instead (a template key mapped with PUT /api/notifications/whatsapp/templates/mappings/{key})`,
    );
  }

  recordInbound(businessId: string, phone: string, waId: string | null, at: Date): Promise<void> {
    return this.contacts.recordInbound(businessId, phone, waId, at);
  }
}
