import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../../common/tenancy/tenant.repository';
import type { Channel, MessageLocale, TemplateKey } from '../notification.types';
import { NotificationTemplate } from './entities/notification-template.entity';

/** Which template: a key on a channel in a language. */
export interface TemplateSlot {
  key: TemplateKey;
  channel: Channel;
  locale: MessageLocale;
}

/** A business's template overrides, one row per slot. */
@Injectable()
export class NotificationTemplatesRepository extends TenantRepository<NotificationTemplate> {
  constructor(@InjectRepository(NotificationTemplate) repo: Repository<NotificationTemplate>) {
    super(repo);
  }

  findSlot(businessId: string, slot: TemplateSlot): Promise<NotificationTemplate | null> {
    return this.findOne(businessId, { key: slot.key, channel: slot.channel, locale: slot.locale });
  }

  /** Every override of the business (the catalogue marks which slots have one). */
  listAll(businessId: string): Promise<NotificationTemplate[]> {
    return this.findMany(businessId, {}, { key: 'ASC', channel: 'ASC', locale: 'ASC' });
  }

  /** Inserts or replaces the slot's override in one statement (concurrent saves: the last one wins); returns its new stamp. */
  async upsertSlot(
    businessId: string,
    slot: TemplateSlot,
    source: { subject: string | null; body: string; html: string | null },
  ): Promise<{ updatedAt: Date }> {
    this.scoped(businessId);
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .values({ businessId, ...slot, ...source })
      .orUpdate(['subject', 'body', 'html'], ['business_id', 'key', 'channel', 'locale'])
      .returning(['updated_at'])
      .execute();
    const row = (result.raw as { updated_at: Date }[])[0];
    return { updatedAt: row.updated_at };
  }

  /** Removes the slot's override; false when there was none. */
  async deleteSlot(businessId: string, slot: TemplateSlot): Promise<boolean> {
    const result = await this.repo.delete(this.scoped(businessId, { key: slot.key, channel: slot.channel, locale: slot.locale }));
    return (result.affected ?? 0) > 0;
  }
}
