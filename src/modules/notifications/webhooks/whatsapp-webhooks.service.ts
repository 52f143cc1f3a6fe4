import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { timingSafeEqual } from 'node:crypto';
import { toE164 } from '../../../common/phone/phone';
import type { AppConfig } from '../../../infra/config/app-config';
import { ActivityService } from '../../activity/activity.service';
import { CustomersService } from '../../customers/customers.service';
import { SubscriberChannel } from '../../subscribers/entities/subscriber.entity';
import { type DeliveryOutcome, DeliveryReportsService } from '../delivery-reports.service';
import { MessageLogService } from '../message-log.service';
import { Channel, MessageStatus } from '../notification.types';
import { WhatsAppSettingsService } from '../whatsapp/whatsapp-settings.service';
import { WhatsAppWindowService } from '../whatsapp/whatsapp-window.service';
import { ContactRefusalsService } from './contact-refusals.service';
import { isOptOutReply } from './opt-out-keywords';
import { WebhookEventLog } from './webhook-event-log';
import { parseWhatsAppReference } from './webhook-urls';
import { isValidHubSignature } from './whatsapp-signature';
import {
  WebhookBodyInvalidException,
  WebhookNotConfiguredException,
  WebhookSignatureInvalidException,
  WebhookSignatureMissingException,
} from './webhooks.exception';
import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../../common/problem/app.exception';

export const HUB_SIGNATURE_HEADER = 'X-Hub-Signature-256';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** What became of each status and message of a notification. */
export type WhatsAppOutcome = 'applied' | 'unchanged' | 'duplicate' | 'ignored';
export type WhatsAppReceipt = { statuses: number; messages: number } & Record<WhatsAppOutcome, number>;

/** Meta's status → our outcome; `sent` only confirms what the sending job recorded. */
const OUTCOMES: Record<string, DeliveryOutcome | undefined> = {
  delivered: MessageStatus.delivered,
  read: MessageStatus.read,
  failed: MessageStatus.failed,
};

/** Unix seconds (Meta sends them as a string) as a date no later than now; now when absent. */
function timeOf(v: unknown, now: Date): Date {
  const seconds = typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : typeof v === 'number' ? v : NaN;
  return Number.isFinite(seconds) && seconds > 0 && seconds * 1000 <= now.getTime() ? new Date(seconds * 1000) : now;
}

/** The reason of a failed status: Meta's first error, `code title: details`. */
function errorOf(status: Json): string {
  const e = obj(list(status.errors)[0]);
  if (!e) return 'WhatsApp: failed';
  const details = text(obj(e.error_data)?.details) ?? text(e.message);
  return `WhatsApp: failed (${[e.code, text(e.title)].filter((x) => x !== undefined).join(' ')}${details ? `: ${details}` : ''})`;
}

/**
 * Meta's WhatsApp webhook: the GET handshake with WHATSAPP_VERIFY_TOKEN, and
 * signed notifications (X-Hub-Signature-256 over the raw body with
 * WHATSAPP_APP_SECRET). Each change is routed to the business whose number it
 * names (metadata.phone_number_id): statuses move the message forward
 * (delivered → read, or failed), inbound messages open the 24-hour window, go
 * on the customer's timeline, and an opt-out keyword (STOP, הסר) withdraws the
 * phone's marketing consent. Each status and message is applied once.
 */
@Injectable()
export class WhatsAppWebhooksService {
  private readonly appSecret: string | undefined;
  private readonly verifyToken: string | undefined;

  constructor(
    @Inject(ConfigService) config: AppConfig,
    private readonly settings: WhatsAppSettingsService,
    private readonly window: WhatsAppWindowService,
    private readonly log: MessageLogService,
    private readonly reports: DeliveryReportsService,
    private readonly refusals: ContactRefusalsService,
    private readonly customers: CustomersService,
    private readonly activity: ActivityService,
    private readonly seen: WebhookEventLog,
  ) {
    this.appSecret = config.get('WHATSAPP_APP_SECRET', { infer: true });
    this.verifyToken = config.get('WHATSAPP_VERIFY_TOKEN', { infer: true });
  }

  /** The subscription handshake: the challenge when mode is `subscribe` and the token is ours; 403 otherwise, 404 while unset. */
  handshake(mode: unknown, token: unknown, challenge: unknown): string {
    if (!this.verifyToken) throw new WebhookNotConfiguredException('WhatsApp', 'WHATSAPP_VERIFY_TOKEN');
    const given = Buffer.from(typeof token === 'string' ? token : '');
    const ours = Buffer.from(this.verifyToken);
    const tokenOk = given.length === ours.length && timingSafeEqual(given, ours);
    if (mode !== 'subscribe' || !tokenOk || typeof challenge !== 'string' || !/^[\x21-\x7e]{1,256}$/.test(challenge))
      throw new AppException(
        HttpStatus.FORBIDDEN,
        'webhook.verification_failed',
        'hub.mode must be subscribe and hub.verify_token must be the configured verify token (with a hub.challenge to echo)',
      );
    return challenge;
  }

  /** 404 while WHATSAPP_APP_SECRET is unset; 401 for a missing or wrong signature. */
  verify(rawBody: Buffer | undefined, signature: string | undefined): void {
    if (!this.appSecret) throw new WebhookNotConfiguredException('WhatsApp', 'WHATSAPP_APP_SECRET');
    if (!signature) throw new WebhookSignatureMissingException(HUB_SIGNATURE_HEADER);
    if (!isValidHubSignature(this.appSecret, signature, rawBody ?? Buffer.alloc(0)))
      throw new WebhookSignatureInvalidException(HUB_SIGNATURE_HEADER);
  }

  async notify(body: unknown, now = new Date()): Promise<WhatsAppReceipt> {
    const root = obj(body);
    if (!root) throw new WebhookBodyInvalidException('The body must be a WhatsApp notification object');
    const receipt: WhatsAppReceipt = { statuses: 0, messages: 0, applied: 0, unchanged: 0, duplicate: 0, ignored: 0 };
    if (root.object !== 'whatsapp_business_account') return receipt;
    for (const entry of list(root.entry))
      for (const change of list(obj(entry)?.changes)) {
        const c = obj(change);
        const value = obj(c?.value);
        if (c?.field !== 'messages' || !value) continue;
        const phoneNumberId = text(obj(value.metadata)?.phone_number_id);
        const businessId = phoneNumberId ? await this.settings.businessByPhoneNumberId(phoneNumberId) : null;
        const contacts = list(value.contacts).map(obj);
        for (const s of list(value.statuses)) {
          receipt.statuses++;
          const status = obj(s);
          receipt[businessId && status ? await this.status(businessId, status) : 'ignored']++;
        }
        for (const m of list(value.messages)) {
          receipt.messages++;
          const message = obj(m);
          receipt[businessId && message ? await this.inbound(businessId, message, contacts, now) : 'ignored']++;
        }
      }
    return receipt;
  }

  /** A status of a message we sent: found by our reference (biz_opaque_callback_data), else by Meta's id (wamid). */
  private async status(businessId: string, s: Json): Promise<WhatsAppOutcome> {
    const wamid = text(s.id)?.slice(0, 200);
    const kind = text(s.status);
    const outcome = kind ? OUTCOMES[kind] : undefined;
    if (!wamid || !kind) return 'ignored';
    const ref = parseWhatsAppReference(s.biz_opaque_callback_data);
    const found = ref ? await this.log.get(businessId, ref.messageId) : await this.log.findByProviderId(businessId, wamid);
    const message = found?.channel === Channel.whatsapp ? found : null;
    if (!message) return 'ignored';
    if (!outcome) return 'unchanged';
    const eventId = `status:${wamid}:${kind}`;
    if (await this.seen.seen(businessId, 'whatsapp', eventId)) return 'duplicate';
    const result = await this.reports.apply(businessId, {
      messageId: message.id,
      attempt: ref?.attempt ?? null,
      outcome,
      error: outcome === MessageStatus.failed ? errorOf(s) : undefined,
      at: timeOf(s.timestamp, new Date()),
    });
    if (result === 'changed') await this.seen.remember(businessId, 'whatsapp', eventId, { event: kind, messageId: message.id });
    return result === 'changed' ? 'applied' : result === 'unknown' ? 'ignored' : 'unchanged';
  }

  /** A message the person sent: the window opens, the timeline shows it, and an opt-out keyword unsubscribes the phone. */
  private async inbound(businessId: string, m: Json, contacts: (Json | null)[], now: Date): Promise<WhatsAppOutcome> {
    const wamid = text(m.id)?.slice(0, 200);
    const from = text(m.from);
    const phone = from ? toE164(`+${from.replace(/^\+/, '')}`) : null;
    if (!wamid || !phone) return 'ignored';
    if (await this.seen.seen(businessId, 'whatsapp', `message:${wamid}`)) return 'duplicate';
    const waId = text(contacts.find((c) => text(c?.wa_id) === from)?.wa_id)?.slice(0, 32) ?? from!.slice(0, 32);
    const at = timeOf(m.timestamp, now);
    await this.window.recordInbound(businessId, phone, waId, at);
    const type = text(m.type) ?? 'unknown';
    const body = type === 'text' ? (text(obj(m.text)?.body) ?? '') : '';
    const customer = await this.customers.contactByAddress(businessId, { phone });
    await this.activity.recordEvent({
      businessId,
      action: 'whatsapp.received',
      entityType: customer ? 'customer' : 'whatsapp_contact',
      entityId: customer?.id ?? null,
      customerId: customer?.id ?? null,
      anonymous: 'public',
      summary: `WhatsApp from ${phone}: ${body ? body.slice(0, 500) : `(${type.slice(0, 20)})`}`,
    });
    if (body && isOptOutReply(body)) await this.refusals.refuse([businessId], SubscriberChannel.sms, phone, 'whatsapp_reply');
    await this.seen.remember(businessId, 'whatsapp', `message:${wamid}`, { event: 'message', phone });
    return 'applied';
  }
}
