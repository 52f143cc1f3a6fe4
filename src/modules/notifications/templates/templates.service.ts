import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { AppException } from '../../../common/problem/app.exception';
import type { FieldError } from '../../../common/problem/problem-details';
import type { Business } from '../../../common/tenancy/business.entity';
import { BusinessDirectory } from '../../business/business-directory.service';
import {
  Channel,
  MessageLocale,
  type RenderedMessage,
  SECRET_LINK_TEMPLATES,
  type TemplateKey,
  type TemplateRenderer,
  type TemplateVariables,
} from '../notification.types';
import type { TemplateSource } from './built-ins/built-in-template';
import { builtInSource, channelsOf, LOCALES, TEMPLATE_KEYS, variablesOf, builtInTemplate } from './built-ins/built-in-templates';
import { businessVariables } from './business-variables';
import type { TemplateKeyDto } from './dto/template-catalogue.dto';
import type { PreviewTemplateDto, TemplatePreviewDto } from './dto/template-preview.dto';
import type { SaveTemplateDto, TemplateDto } from './dto/template.dto';
import type { NotificationTemplate } from './entities/notification-template.entity';
import { messageFormatFor } from './locale-format';
import { oneLine, renderMessage } from './message-renderer';
import { NotificationTemplatesRepository, type TemplateSlot } from './notification-templates.repository';
import { countSmsSegments } from './sms-segments';
import { parseTemplate, renderTemplate, TemplateRenderError, TemplateSyntaxError } from './template-engine';
import { templateErrors } from './template-validation';
import { sampleOf, sampleScope, toScope } from './template-variables';

const sourceOf = (row: NotificationTemplate): TemplateSource => ({ subject: row.subject, body: row.body, html: row.html });

function invalid(code: string, errors: FieldError[]): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, code, errors.map((e) => e.message).join('; '), errors);
}

/**
 * Notification templates: renders a message from the business's version of
 * a (key, channel, locale) or the built-in, and lets the business read,
 * replace, restore and preview them. Every source is checked before it is
 * saved (syntax, no file access, only the key's variables).
 */
@Injectable()
export class TemplatesService implements TemplateRenderer {
  private readonly logger = new Logger('Templates');

  constructor(
    private readonly overrides: NotificationTemplatesRepository,
    private readonly businesses: BusinessDirectory,
  ) {}

  /**
   * The message to send: missing values render empty; a business version that
   * fails to render falls back to the built-in. Account mails always use the
   * built-in: their link is a credential of a platform-wide account, and a
   * business's HTML could hand it to a third party (an image URL).
   */
  async render(
    businessId: string,
    key: TemplateKey,
    channel: Channel,
    locale: MessageLocale,
    variables: TemplateVariables,
  ): Promise<RenderedMessage> {
    if (channel === Channel.whatsapp) {
      // A WhatsApp message of a key with no approved template mapped is that key's text (SMS's, else the email's plain text).
      const via = builtInSource(key, Channel.sms, locale) ? Channel.sms : Channel.email;
      return { text: (await this.render(businessId, key, via, locale, variables)).text };
    }
    const slot = { key, channel, locale };
    const builtIn = this.requireBuiltIn(slot);
    const business = await this.businesses.require(businessId);
    const override = SECRET_LINK_TEMPLATES.has(key) ? null : await this.overrides.findSlot(businessId, slot);
    const scope = toScope(businessVariables(business), variables);
    const format = messageFormatFor(business, locale);
    if (override) {
      try {
        return renderMessage(sourceOf(override), channel, scope, format);
      } catch (err) {
        if (!(err instanceof TemplateRenderError || err instanceof TemplateSyntaxError)) throw err;
        this.logger.warn(`Business ${businessId}'s ${key}/${channel}/${locale} failed to render (${err.message}); sent the built-in`);
      }
    }
    return renderMessage(builtIn, channel, scope, format);
  }

  async renderLines(businessId: string, locale: MessageLocale, variables: TemplateVariables, sources: string[]): Promise<string[]> {
    const business = await this.businesses.require(businessId);
    const scope = toScope(businessVariables(business), variables);
    const format = messageFormatFor(business, locale);
    return sources.map((source) => oneLine(renderTemplate(parseTemplate(source, 'text'), scope, 'text', format)));
  }

  /** Every key with its channels, locales and variables, and which of its templates the business overrides. */
  async catalogue(businessId: string): Promise<TemplateKeyDto[]> {
    const rows = await this.overrides.listAll(businessId);
    const saved = new Map(rows.map((r) => [`${r.key}/${r.channel}/${r.locale}`, r.updatedAt]));
    return TEMPLATE_KEYS.map((key) => {
      const channels = channelsOf(key);
      return {
        key,
        description: builtInTemplate(key).description,
        channels,
        locales: LOCALES,
        variables: variablesOf(key).map((v) => ({
          name: v.name,
          kind: v.kind,
          description: v.description,
          sample: sampleOf(v, MessageLocale.he),
        })),
        templates: channels.flatMap((channel) =>
          LOCALES.map((locale) => {
            const updatedAt = saved.get(`${key}/${channel}/${locale}`);
            return { channel, locale, overridden: updatedAt !== undefined, updatedAt: updatedAt ?? null };
          }),
        ),
      };
    });
  }

  /** The template in use for the slot: the business's version, or the built-in. */
  async get(businessId: string, slot: TemplateSlot): Promise<TemplateDto> {
    const builtIn = this.requireBuiltIn(slot);
    const row = await this.overrides.findSlot(businessId, slot);
    return row
      ? { ...slot, overridden: true, ...sourceOf(row), updatedAt: row.updatedAt }
      : { ...slot, overridden: false, ...builtIn, updatedAt: null };
  }

  /** Saves the business's version after checking it (400 naming each problem, e.g. the unknown variable). */
  async save(businessId: string, slot: TemplateSlot, dto: SaveTemplateDto): Promise<TemplateDto> {
    this.requireBuiltIn(slot);
    const source: TemplateSource = { subject: dto.subject ?? null, body: dto.body, html: dto.html ?? null };
    const business = await this.businesses.require(businessId);
    const errors = [...channelErrors(slot.channel, source), ...this.sourceErrors(slot, source, business)];
    if (errors.length) throw invalid('notification_template.invalid', errors);
    const { updatedAt } = await this.overrides.upsertSlot(businessId, slot, source);
    return { ...slot, overridden: true, ...source, updatedAt };
  }

  /** Removes the business's version: the built-in is used again. Nothing to remove is fine. */
  async reset(businessId: string, slot: TemplateSlot): Promise<void> {
    this.requireBuiltIn(slot);
    await this.overrides.deleteSlot(businessId, slot);
  }

  /**
   * Renders a template with the key's sample data (and the business's own
   * details), or with the draft sources and variables sent: SMS previews say
   * how many billable parts the text takes.
   */
  async preview(businessId: string, dto: PreviewTemplateDto): Promise<TemplatePreviewDto> {
    const slot = { key: dto.key, channel: dto.channel, locale: dto.locale };
    if (!builtInSource(slot.key, slot.channel, slot.locale)) {
      throw invalid('validation_failed', [{ field: 'channel', message: `${slot.key} is not sent by ${slot.channel}` }]);
    }
    const business = await this.businesses.require(businessId);
    const current = await this.get(businessId, slot);
    const draft: Partial<TemplateSource> = {};
    if (dto.subject !== undefined) draft.subject = dto.subject;
    if (dto.body !== undefined) draft.body = dto.body;
    if (dto.html !== undefined) draft.html = dto.html;
    const source: TemplateSource = { subject: current.subject, body: current.body, html: current.html, ...draft };
    const errors = [...channelErrors(slot.channel, draft), ...this.sourceErrors(slot, draft, business)];
    if (errors.length) throw invalid('notification_template.invalid', errors);

    const scope = toScope(sampleScope(variablesOf(slot.key), slot.locale), businessVariables(business), dto.variables ?? {});
    let message: RenderedMessage;
    try {
      message = renderMessage(source, slot.channel, scope, messageFormatFor(business, slot.locale));
    } catch (err) {
      if (!(err instanceof TemplateRenderError || err instanceof TemplateSyntaxError)) throw err;
      throw invalid('notification_template.render_failed', [{ field: 'variables', message: err.message }]);
    }
    return {
      ...slot,
      subject: message.subject ?? null,
      text: message.text,
      html: message.html ?? null,
      sms: slot.channel === Channel.sms ? countSmsSegments(message.text) : null,
    };
  }

  private requireBuiltIn(slot: TemplateSlot): TemplateSource {
    const source = builtInSource(slot.key, slot.channel, slot.locale);
    if (!source) {
      throw new AppException(
        HttpStatus.NOT_FOUND,
        'notification_template.not_found',
        `${slot.key} has no ${slot.channel} template (it is sent by ${channelsOf(slot.key).join(', ')})`,
      );
    }
    return source;
  }

  /** Syntax, variables and a trial render with the sample data, in the slot's language and the business's zone. */
  private sourceErrors(slot: TemplateSlot, source: Partial<TemplateSource>, business: Business): FieldError[] {
    const declared = variablesOf(slot.key);
    const scope = toScope(sampleScope(declared, slot.locale), businessVariables(business));
    return templateErrors(source, declared, { scope, format: messageFormatFor(business, slot.locale) });
  }
}

/** Email needs a subject; SMS has neither subject nor HTML. */
function channelErrors(channel: Channel, source: Partial<TemplateSource>): FieldError[] {
  if (channel === Channel.email) {
    return 'subject' in source && !source.subject?.trim()
      ? [{ field: 'subject', message: 'subject is required for an email template' }]
      : [];
  }
  return (['subject', 'html'] as const)
    .filter((field) => source[field] !== undefined && source[field] !== null)
    .map((field) => ({ field, message: `an SMS template has no ${field}` }));
}
