import { Injectable } from '@nestjs/common';
import { DEFAULT_NOTIFICATION_RULES, NotificationRules } from './notification-settings.defaults';
import { NotificationSettingsRepository } from './notification-settings.repository';

const rulesOf = (row: NotificationRules): NotificationRules => ({
  senderName: row.senderName,
  replyTo: row.replyTo,
  smsSender: row.smsSender,
  events: { ...DEFAULT_NOTIFICATION_RULES.events, ...row.events },
  quietFrom: row.quietFrom,
  quietTo: row.quietTo,
  shabbatFrom: row.shabbatFrom,
  shabbatTo: row.shabbatTo,
});

/** The business's messaging rules: its stored row, or the defaults. */
@Injectable()
export class NotificationSettingsService {
  constructor(private readonly settings: NotificationSettingsRepository) {}

  async rules(businessId: string): Promise<NotificationRules> {
    const row = await this.settings.findForBusiness(businessId);
    return row ? rulesOf(row) : DEFAULT_NOTIFICATION_RULES;
  }

  /** The businesses that send SMS from this number (their own sender, not the provider's default). */
  businessesSendingFrom(sender: string): Promise<string[]> {
    return this.settings.businessIdsWithSmsSender(sender);
  }

  async replace(businessId: string, rules: NotificationRules): Promise<NotificationRules> {
    return rulesOf(await this.settings.upsert(businessId, rules));
  }
}
