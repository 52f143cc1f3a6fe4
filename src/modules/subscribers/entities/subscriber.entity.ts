import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { Customer } from '../../customers/entities/customer.entity';

export enum SubscriptionStatus {
  pending = 'pending',
  subscribed = 'subscribed',
  unsubscribed = 'unsubscribed',
  bounced = 'bounced',
}

export enum SubscriberChannel {
  email = 'email',
  sms = 'sms',
}

/**
 * Someone on the business's marketing list (Israel's anti-spam law: prior
 * consent, and a way to refuse in every message). Each channel has its own
 * status and times; a channel exists exactly when its address does. Email is
 * lower-cased and phone is E.164, each unique within a business.
 */
@Entity('subscribers')
@Check('ck_subscribers_contact', `"email" IS NOT NULL OR "phone" IS NOT NULL`)
@Check('ck_subscribers_email_status', `("email" IS NULL) = ("email_status" IS NULL)`)
@Check('ck_subscribers_sms_status', `("phone" IS NULL) = ("sms_status" IS NULL)`)
@Index('uq_subscribers_business_email', ['businessId', 'email'], { unique: true, where: 'email IS NOT NULL' })
@Index('uq_subscribers_business_phone', ['businessId', 'phone'], { unique: true, where: 'phone IS NOT NULL' })
@Index('ix_subscribers_business_created', ['businessId', 'createdAt'])
@Index('ix_subscribers_lists', { synchronize: false })
export class Subscriber extends TenantEntity {
  @Column('varchar', { length: 254, nullable: true })
  email: string | null;

  /** E.164. */
  @Column('varchar', { length: 20, nullable: true })
  phone: string | null;

  @Column('varchar', { length: 160, nullable: true })
  name: string | null;

  /** The lists (tags) the person is on, e.g. `newsletter`, `סדנאות`. */
  @Column('text', { array: true, default: () => "'{}'" })
  lists: string[];

  @Column('varchar', { length: 16, nullable: true })
  emailStatus: SubscriptionStatus | null;

  /** When email consent took effect (for the public form: when the link was confirmed). */
  @Column('timestamptz', { nullable: true })
  emailConsentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  emailUnsubscribedAt: Date | null;

  @Column('varchar', { length: 16, nullable: true })
  smsStatus: SubscriptionStatus | null;

  @Column('timestamptz', { nullable: true })
  smsConsentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  smsUnsubscribedAt: Date | null;

  /** The address the latest consent came from (the sign-up form's caller). */
  @Column('varchar', { length: 64, nullable: true })
  consentIp: string | null;

  /** How consent was obtained: `public_form`, `manual`, `import`, `in_store`, … */
  @Column('varchar', { length: 60, default: 'manual' })
  consentSource: string;

  /** The customer with the same phone or email, when one exists. */
  @Index('ix_subscribers_customer')
  @Column('uuid', { nullable: true })
  customerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'SET NULL', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;
}
