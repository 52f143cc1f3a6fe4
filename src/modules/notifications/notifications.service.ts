import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { uuidFromKey } from '../../common/crypto/key-uuid';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import { escapeHtml } from '../../common/text/html';
import type { AppConfig } from '../../infra/config/app-config';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName } from '../../infra/queue/job-names';
import { countSmsSegments } from '../../infra/sms/sms-segments';
import { BusinessDirectory } from '../business/business-directory.service';
import { MessageLogService } from './message-log.service';
import type { MessageAttachment, MessageRecord } from './message.types';
import {
  Channel,
  MessageKind,
  MessageLocale,
  MessageStatus,
  type RenderedMessage,
  TEMPLATE_RENDERER,
  type TemplateKey,
  type TemplateRenderer,
  type TemplateVariables,
} from './notification.types';
import { IdempotencyKeyReusedException } from '../idempotency/idempotency.service';
import { afterQuietHours } from './quiet-hours';
import { type Recipient, type RecipientRequest, RecipientsService } from './recipients.service';
import { NotificationSettingsService } from './settings/notification-settings.service';
import { type MappedTemplate, WhatsAppTemplatesService } from './whatsapp/whatsapp-templates.service';
import { WhatsAppSettingsService } from './whatsapp/whatsapp-settings.service';
import { WhatsAppWindowService } from './whatsapp/whatsapp-window.service';
import type { TemplateSource } from './templates/built-ins/built-in-template';
import { businessVariables } from './templates/business-variables';
import { messageFormatFor } from './templates/locale-format';
import { renderMessage } from './templates/message-renderer';
import { toScope } from './templates/template-variables';
import type { Business } from '../../common/tenancy/business.entity';

export interface SendRequest extends RecipientRequest {
  channel: Channel;
  kind: MessageKind;
  /** A template and its values, or a hand-written subject/body/html. */
  template?: TemplateKey;
  variables?: TemplateVariables;
  /**
   * Liquid source written for this send (a campaign's): rendered like a template, with the business
   * and the recipient's variables (`customer.firstName`, `customer.lastName`) and `variables`.
   */
  source?: TemplateSource;
  /** Changes the rendered message before its opt-out is added (a campaign's tracked links and open pixel). */
  decorate?: (rendered: RenderedMessage) => RenderedMessage;
  subject?: string;
  body?: string;
  html?: string;
  locale?: MessageLocale;
  sendAt?: Date;
  /**
   * WhatsApp only: send this approved (synced) template, its body parameters as text templates
   * rendered like a template's (instead of `template` or `body`; allowed outside the 24-hour window).
   */
  whatsappTemplate?: MappedTemplate;
  /** Email only: files to attach, by their FILE_STORAGE keys (an invoice's PDF). */
  attachments?: MessageAttachment[];
  /** Makes the message id deterministic: the same key is one message, however often it is sent. */
  key?: string;
  /** With `key` from an Idempotency-Key: the request's hash; the same key with another request is refused. */
  requestHash?: string;
}

const JOB_OF = { [Channel.email]: JobName.SendEmail, [Channel.sms]: JobName.SendSms, [Channel.whatsapp]: JobName.SendWhatsApp } as const;

const OPT_OUT = { he: 'להסרה השב הסר', en: 'Reply STOP to opt out' } as const;

/**
 * Every message goes through here: the recipient is resolved (address,
 * language, consent), marketing is refused without consent and carries its
 * opt-out, the template is rendered, the message is written to the message
 * log, and only then a job is queued to send it (its id is the message id).
 */
@Injectable()
export class NotificationsService {
  private readonly attempts: number;
  private readonly retryDelayMs: number;

  constructor(
    private readonly log: MessageLogService,
    private readonly recipients: RecipientsService,
    private readonly settings: NotificationSettingsService,
    private readonly businesses: BusinessDirectory,
    private readonly jobs: JobQueueService,
    private readonly whatsappSettings: WhatsAppSettingsService,
    private readonly whatsappTemplates: WhatsAppTemplatesService,
    private readonly whatsappWindow: WhatsAppWindowService,
    @Inject(TEMPLATE_RENDERER) private readonly templates: TemplateRenderer,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.attempts = config.get('MESSAGE_MAX_ATTEMPTS', { infer: true });
    this.retryDelayMs = config.get('MESSAGE_RETRY_DELAY_MS', { infer: true });
  }

  async send(businessId: string, req: SendRequest, now = new Date()): Promise<{ message: MessageRecord; created: boolean }> {
    const id = req.key ? uuidFromKey(businessId, 'message', req.key) : randomUUID();
    if (req.key) {
      const known = await this.log.get(businessId, id);
      if (known && req.requestHash && known.requestHash !== req.requestHash) throw new IdempotencyKeyReusedException();
      if (known) {
        // Written before a crash that came before its job was queued: queue it now (the job id is the
        // message id, so a job that exists already is not added twice).
        if (known.status === MessageStatus.queued) await this.enqueue(known, Math.max(0, known.sendAt.getTime() - now.getTime()), known.id);
        return { message: known, created: false };
      }
    }
    const [business, rules, recipient] = await Promise.all([
      this.businesses.require(businessId),
      this.settings.rules(businessId),
      this.recipients.resolve(businessId, req.channel, req),
    ]);
    if (req.kind === MessageKind.marketing && !recipient.marketingConsent) {
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'message.no_consent',
        `${recipient.address} has not consented to marketing by ${req.channel}: nothing was sent`,
      );
    }
    if (req.whatsappTemplate && req.channel !== Channel.whatsapp)
      throw new AppException(HttpStatus.BAD_REQUEST, 'validation_failed', 'whatsappTemplate is for the whatsapp channel', [
        { field: 'whatsappTemplate', message: 'whatsappTemplate is for the whatsapp channel only' },
      ]);
    const route = req.channel === Channel.whatsapp ? await this.whatsappRoute(businessId, req, recipient.address, now) : null;
    const mapped = route?.template ?? null;
    const locale = req.locale ?? recipient.locale ?? (business.locale as unknown as MessageLocale);
    const rendered = await this.render(businessId, req, locale, recipient, business);
    const whatsappTemplate = mapped
      ? {
          name: mapped.name,
          language: mapped.language,
          parameters: await this.templates.renderLines(
            businessId,
            locale,
            this.variablesFor(req, recipient, business.name),
            mapped.parameters,
          ),
        }
      : null;
    const empty = whatsappTemplate ? whatsappTemplate.parameters.findIndex((p) => p === '') : -1;
    if (whatsappTemplate && empty >= 0)
      // WhatsApp refuses a template whose parameter is empty: say which one now, rather than fail later.
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'message.whatsapp_parameter_empty',
        `Parameter {{${empty + 1}}} of the WhatsApp template ${whatsappTemplate.name} renders empty for this message: give its value in variables, or map the key differently`,
      );
    // An explicit template is logged as its own text, its placeholders filled in.
    if (whatsappTemplate && route?.body)
      rendered.text = route.body.replace(/\{\{\s*(\d{1,2})\s*\}\}/g, (_, n: string) => whatsappTemplate.parameters[Number(n) - 1] ?? '');
    const decorated = req.decorate ? req.decorate(rendered) : rendered;
    // Marketing carries its opt-out; so does any mail to a list subscriber (the double opt-in request too).
    const listMail = req.kind === MessageKind.marketing || (req.subscriberId !== undefined && req.channel === Channel.email);
    const content =
      listMail && recipient.unsubscribeUrl ? withOptOut(req.channel, decorated, recipient, locale) : { ...decorated, headers: {} };
    const due = req.sendAt && req.sendAt > now ? req.sendAt : now;
    const quiet = req.kind === MessageKind.marketing && (req.channel === Channel.sms || req.channel === Channel.whatsapp);
    const sendAt = quiet ? afterQuietHours(due, business.timezone, rules) : due;
    const { message, created } = await this.log.create(
      businessId,
      id,
      {
        channel: req.channel,
        kind: req.kind,
        to: recipient.address,
        customerId: recipient.customerId,
        subscriberId: recipient.subscriberId,
        template: req.template ?? null,
        locale,
        subject: content.subject ?? null,
        text: content.text,
        html: content.html ?? null,
        headers: content.headers,
        attachments: req.channel === Channel.email ? (req.attachments ?? []) : [],
        fromName: req.channel === Channel.email ? (rules.senderName ?? business.name) : null,
        replyTo: req.channel === Channel.email ? rules.replyTo : null,
        smsSender: req.channel === Channel.sms ? rules.smsSender : null,
        whatsappTemplate,
        segments: req.channel === Channel.sms ? countSmsSegments(content.text) : null,
        sendAt,
        requestHash: req.requestHash ?? null,
      },
      now,
    );
    // Also when another sender wrote it first but may not have queued it yet (it crashed, or lost the
    // race to this check): the job id is the message id, so it is queued once.
    if (created || message.status === MessageStatus.queued)
      await this.enqueue(message, Math.max(0, message.sendAt.getTime() - now.getTime()), message.id);
    return { message, created };
  }

  /** Sends a failed message again (a new attempt series); 409 unless it failed. */
  async retry(businessId: string, id: string): Promise<MessageRecord> {
    const message = await this.log.get(businessId, id);
    if (!message) throw new NotFoundAppException('message', id);
    const queued = await this.log.transition(businessId, id, MessageStatus.failed, { status: MessageStatus.queued, failedAt: null });
    if (!queued)
      throw new AppException(
        HttpStatus.CONFLICT,
        'message.not_failed',
        `Only a failed message can be retried; this one is ${message.status}`,
      );
    await this.enqueue(queued, 0, `${id}-retry-${queued.attempts}`);
    return queued;
  }

  /**
   * WhatsApp goes through the business's own number (422 `message.channel_not_configured` without one).
   * A template key mapped to an approved WhatsApp template goes as that template, at any time; anything
   * else is free text, which WhatsApp takes only within 24 hours of the person's last message (422
   * `message.whatsapp_window_closed` outside it).
   */
  private async whatsappRoute(
    businessId: string,
    req: SendRequest,
    phone: string,
    now: Date,
  ): Promise<{ template: MappedTemplate | null; body: string | null }> {
    await this.whatsappSettings.requireAccount(businessId);
    if (req.whatsappTemplate) {
      const synced = await this.whatsappTemplates.requireSynced(businessId, req.whatsappTemplate, 'whatsappTemplate.parameters');
      return { template: req.whatsappTemplate, body: synced.body };
    }
    const mapped = req.template ? await this.whatsappTemplates.mappingFor(businessId, req.template) : null;
    if (!mapped) await this.whatsappWindow.requireOpen(businessId, phone, now);
    return { template: mapped, body: null };
  }

  private enqueue(message: MessageRecord, delayMs: number, jobId: string) {
    const name = JOB_OF[message.channel];
    return this.jobs.enqueue(
      name,
      { businessId: message.businessId, messageId: message.id },
      { jobId, delayMs: Math.max(0, delayMs), attempts: this.attempts, retryDelayMs: this.retryDelayMs },
    );
  }

  private variablesFor(req: SendRequest, recipient: Recipient, businessName: string): TemplateVariables {
    return present({ business: { name: businessName }, 'customer.firstName': recipient.firstName, ...req.variables });
  }

  private async render(
    businessId: string,
    req: SendRequest,
    locale: MessageLocale,
    recipient: Recipient,
    business: Business,
  ): Promise<RenderedMessage> {
    if (req.source) {
      const customer = { 'customer.firstName': recipient.firstName, 'customer.lastName': recipient.lastName };
      const scope = toScope(businessVariables(business), present(customer), present(req.variables ?? {}));
      return renderMessage(req.source, req.channel, scope, messageFormatFor(business, locale));
    }
    if (req.template)
      return this.templates.render(businessId, req.template, req.channel, locale, this.variablesFor(req, recipient, business.name));
    return { subject: req.subject, text: req.body ?? '', html: req.html };
  }
}

/** The values that are there: Liquid reads '' as true, so an empty value is left out and `{% if %}` falls back. */
function present(variables: TemplateVariables): TemplateVariables {
  return Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

/** Marketing carries its opt-out: List-Unsubscribe headers and a footer by email, a reply keyword by SMS and WhatsApp. */
function withOptOut(
  channel: Channel,
  m: RenderedMessage,
  recipient: Recipient,
  locale: MessageLocale,
): RenderedMessage & { headers: Record<string, string> } {
  if (channel !== Channel.email) return { ...m, text: `${m.text}\n${OPT_OUT[locale]}`, headers: {} };
  const url = recipient.unsubscribeUrl!;
  const footer = locale === MessageLocale.he ? 'להסרה מרשימת הדיוור' : 'Unsubscribe';
  return {
    ...m,
    text: `${m.text}\n\n--\n${footer}: ${url}\n`,
    html: m.html ? `${m.html}<hr><p style="font-size:12px;color:#666"><a href="${escapeHtml(url)}">${footer}</a></p>` : undefined,
    headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
