import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../../common/tenancy/tenant.entity';
import type { Channel, MessageLocale, TemplateKey } from '../../notification.types';

/**
 * A business's own version of a built-in template for one (key, channel,
 * locale). Absent: the built-in is used. `body` is the Liquid source of the
 * plain text (an email's text part, or the SMS); `subject` and `html` are
 * for email only (html null: made from the text).
 */
@Entity('notification_templates')
@Check('ck_notification_templates_subject', `("channel" = 'email') = ("subject" IS NOT NULL)`)
@Check('ck_notification_templates_html', `"channel" = 'email' OR "html" IS NULL`)
@Index('uq_notification_templates_slot', ['businessId', 'key', 'channel', 'locale'], { unique: true })
export class NotificationTemplate extends TenantEntity {
  @Column('varchar', { length: 64 })
  key: TemplateKey;

  @Column('varchar', { length: 16 })
  channel: Channel;

  @Column('varchar', { length: 2 })
  locale: MessageLocale;

  @Column('text', { nullable: true })
  subject: string | null;

  @Column('text')
  body: string;

  @Column('text', { nullable: true })
  html: string | null;
}
