import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import type { Channel } from '../notification.types';
import type { NotifiableEvent } from './notification-settings.defaults';

/**
 * A business's messaging settings (one row per business; absent means the
 * defaults in notification-settings.defaults.ts): who the messages are from,
 * which events notify customers on which channels, and the quiet hours for
 * marketing SMS.
 */
@Entity('notification_settings')
@Index('uq_notification_settings_business', ['businessId'], { unique: true })
export class NotificationSettings extends TenantEntity {
  /** The name emails are from (default: the business name). */
  @Column('varchar', { length: 100, nullable: true })
  senderName: string | null;

  /** Replies to the business's emails go here (default: EMAIL_REPLY_TO). */
  @Column('varchar', { length: 254, nullable: true })
  replyTo: string | null;

  /** The SMS sender: an E.164 number or an alphanumeric id of up to 11 characters (default: the provider's). */
  @Column('varchar', { length: 20, nullable: true })
  smsSender: string | null;

  /** Which domain events message the customer, on which channels. */
  @Column('jsonb')
  events: Record<NotifiableEvent, Channel[]>;

  /** Marketing SMS wait outside [quietFrom, quietTo) each night, business time ('22:00' → '08:00'). */
  @Column('varchar', { length: 5 })
  quietFrom: string;

  @Column('varchar', { length: 5 })
  quietTo: string;

  /** And from Friday `shabbatFrom` to Saturday `shabbatTo` (null: no Shabbat window). */
  @Column('varchar', { length: 5, nullable: true })
  shabbatFrom: string | null;

  @Column('varchar', { length: 5, nullable: true })
  shabbatTo: string | null;
}
