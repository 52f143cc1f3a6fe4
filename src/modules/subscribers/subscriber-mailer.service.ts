import { Inject, Injectable } from '@nestjs/common';
import { escapeHtml } from '../../common/text/html';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../infra/config/app-config';
import { MailerService } from '../../infra/mail/mailer.service';
import { Subscriber, SubscriberChannel } from './entities/subscriber.entity';
import { SubscriptionLinks, TokenPurpose } from './subscription-links.service';

/** How long a double opt-in link works. */
export const CONFIRM_LINK_TTL_SECONDS = 7 * 86_400;
/** A repeated sign-up within this window does not send another confirmation (no inbox flooding through our form). */
const CONFIRM_RESEND_WINDOW_MS = 10 * 60_000;

export interface SubscriberMail {
  subject: string;
  text: string;
  html?: string;
}

/**
 * Every mail to a subscriber goes through here: it carries List-Unsubscribe
 * and List-Unsubscribe-Post (RFC 8058 one-click) headers and an unsubscribe
 * line in the body, and leaves through the `mail.send` job.
 */
@Injectable()
export class SubscriberMailer {
  private readonly baseUrl: string;

  constructor(
    private readonly tokens: SubscriptionLinks,
    private readonly mailer: MailerService,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.baseUrl = config.get('PUBLIC_URL', { infer: true }).replace(/\/+$/, '');
  }

  /** The one-click unsubscribe link of a channel (never expires). */
  unsubscribeUrl(subscriber: Subscriber, channel: SubscriberChannel): string {
    const address = channel === SubscriberChannel.email ? subscriber.email : subscriber.phone;
    if (!address) throw new Error(`Subscriber ${subscriber.id} has no ${channel} address`);
    const token = this.tokens.sign(
      { purpose: TokenPurpose.unsubscribe, channel, businessId: subscriber.businessId, subscriberId: subscriber.id, expiresAt: 0 },
      address,
    );
    return `${this.baseUrl}/api/public/unsubscribe/${token}`;
  }

  confirmUrl(subscriber: Subscriber, now = new Date()): string {
    if (!subscriber.email) throw new Error(`Subscriber ${subscriber.id} has no email`);
    const expiresAt = Math.floor(now.getTime() / 1000) + CONFIRM_LINK_TTL_SECONDS;
    const token = this.tokens.sign(
      {
        purpose: TokenPurpose.confirm,
        channel: SubscriberChannel.email,
        businessId: subscriber.businessId,
        subscriberId: subscriber.id,
        expiresAt,
      },
      subscriber.email,
    );
    return `${this.baseUrl}/api/public/subscriptions/confirm/${token}`;
  }

  /** Queues a mail to the subscriber's email; `key` makes it go out at most once. */
  async send(subscriber: Subscriber, mail: SubscriberMail, options: { key?: string } = {}): Promise<string> {
    if (!subscriber.email) throw new Error(`Subscriber ${subscriber.id} has no email`);
    const unsubscribe = this.unsubscribeUrl(subscriber, SubscriberChannel.email);
    return this.mailer.enqueue(
      subscriber.businessId,
      {
        to: subscriber.email,
        subject: mail.subject,
        text: `${mail.text}\n\n--\nלהסרה מרשימת הדיוור / Unsubscribe: ${unsubscribe}\n`,
        html: mail.html
          ? `${mail.html}<hr><p dir="rtl" style="font-size:12px;color:#666">להסרה מרשימת הדיוור: <a href="${escapeHtml(unsubscribe)}">לחצו כאן</a> · <a href="${escapeHtml(unsubscribe)}">Unsubscribe</a></p>`
          : undefined,
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      },
      options,
    );
  }

  /** The double opt-in mail: a signed link that expires after CONFIRM_LINK_TTL_SECONDS. */
  sendConfirmation(subscriber: Subscriber, businessName: string, now = new Date()): Promise<string> {
    const url = this.confirmUrl(subscriber, now);
    const greeting = subscriber.name ? `שלום ${subscriber.name},` : 'שלום,';
    const days = CONFIRM_LINK_TTL_SECONDS / 86_400;
    const text = [
      greeting,
      '',
      `קיבלנו בקשה לצרף את הכתובת ${subscriber.email} לרשימת הדיוור של ${businessName}.`,
      `לאישור ההרשמה לחצו על הקישור (בתוקף ${days} ימים):`,
      url,
      '',
      'אם לא ביקשתם להירשם, אפשר להתעלם מהודעה זו ולא תצורפו לרשימה.',
    ].join('\n');
    const html = [
      `<div dir="rtl" lang="he" style="font-family:Arial,sans-serif">`,
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>קיבלנו בקשה לצרף את הכתובת ${escapeHtml(subscriber.email!)} לרשימת הדיוור של ${escapeHtml(businessName)}.</p>`,
      `<p><a href="${escapeHtml(url)}">לאישור ההרשמה לחצו כאן</a> (הקישור בתוקף ${days} ימים).</p>`,
      `<p>אם לא ביקשתם להירשם, אפשר להתעלם מהודעה זו ולא תצורפו לרשימה.</p>`,
      `</div>`,
    ].join('\n');
    const window = Math.floor(now.getTime() / CONFIRM_RESEND_WINDOW_MS);
    return this.send(
      subscriber,
      { subject: `אישור הרשמה לדיוור של ${businessName}`, text, html },
      { key: `subscriber-confirm/${subscriber.id}/${subscriber.email}/${window}` },
    );
  }
}
