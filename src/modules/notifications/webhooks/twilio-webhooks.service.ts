import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { toE164 } from '../../../common/phone/phone';
import { isUuid } from '../../../common/validation/uuid';
import type { AppConfig } from '../../../infra/config/app-config';
import { SubscriberChannel } from '../../subscribers/entities/subscriber.entity';
import { DeliveryReportsService, type DeliveryReportResult } from '../delivery-reports.service';
import { MessageStatus } from '../notification.types';
import { NotificationSettingsService } from '../settings/notification-settings.service';
import { ContactRefusalsService } from './contact-refusals.service';
import { isOptOutReply } from './opt-out-keywords';
import { type FormParams, isValidTwilioSignature } from './twilio-signature';
import { publicUrlOf, STATUS_CALLBACK_PARAMS } from './webhook-urls';
import { WebhookNotConfiguredException, WebhookSignatureInvalidException, WebhookSignatureMissingException } from './webhooks.exception';

export const TWILIO_SIGNATURE_HEADER = 'X-Twilio-Signature';

/** What Twilio's common delivery error codes mean (https://www.twilio.com/docs/api/errors). */
const ERROR_CODES: Record<string, string> = {
  '30001': 'queue overflow',
  '30002': 'account suspended',
  '30003': 'unreachable destination handset',
  '30004': 'message blocked',
  '30005': 'unknown destination handset',
  '30006': 'landline or unreachable carrier',
  '30007': 'filtered by the carrier',
  '30008': 'unknown error',
  '21610': 'the recipient replied STOP',
};

const ATTEMPT = /^[1-9]\d{0,5}$/;

/** One value of a form parameter (the first, if Twilio ever repeats one). */
function param(params: FormParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** One query value, only when it is there exactly once. */
const single = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export type InboundResult = { optOut: false } | { optOut: true; businesses: number; changed: number };

/**
 * Twilio's webhooks: the status callbacks of the SMS we send and the SMS
 * people send to our numbers. Each request is verified against its
 * `X-Twilio-Signature` with TWILIO_AUTH_TOKEN before anything is read.
 */
@Injectable()
export class TwilioWebhooksService {
  private readonly authToken: string | undefined;
  private readonly publicUrl: string;
  private readonly defaultFrom: string | undefined;
  private readonly messagingServiceSid: string | undefined;

  constructor(
    @Inject(ConfigService) config: AppConfig,
    private readonly reports: DeliveryReportsService,
    private readonly refusals: ContactRefusalsService,
    private readonly settings: NotificationSettingsService,
  ) {
    this.authToken = config.get('TWILIO_AUTH_TOKEN', { infer: true });
    this.publicUrl = config.get('PUBLIC_URL', { infer: true });
    this.defaultFrom = config.get('TWILIO_FROM', { infer: true });
    this.messagingServiceSid = config.get('TWILIO_MESSAGING_SERVICE_SID', { infer: true });
  }

  /**
   * 404 while TWILIO_AUTH_TOKEN is unset; 401 without a signature or with one
   * that is not Twilio's for PUBLIC_URL + the path and query as called + the
   * form's parameters.
   */
  verify(originalUrl: string, signature: string | undefined, params: FormParams): void {
    if (!this.authToken) throw new WebhookNotConfiguredException('Twilio', 'TWILIO_AUTH_TOKEN');
    if (!signature) throw new WebhookSignatureMissingException(TWILIO_SIGNATURE_HEADER);
    if (!isValidTwilioSignature(this.authToken, signature, publicUrlOf(this.publicUrl, originalUrl), params))
      throw new WebhookSignatureInvalidException(TWILIO_SIGNATURE_HEADER);
  }

  /**
   * A status callback: `delivered` marks the message delivered; `failed` and
   * `undelivered` mark it failed with Twilio's ErrorCode; the others (queued,
   * sent, …) change nothing. The message is the one the callback URL names.
   */
  async status(query: Record<string, unknown>, params: FormParams): Promise<DeliveryReportResult | 'ignored'> {
    const businessId = single(query[STATUS_CALLBACK_PARAMS.businessId]);
    const messageId = single(query[STATUS_CALLBACK_PARAMS.messageId]);
    const attempt = single(query[STATUS_CALLBACK_PARAMS.attempt]);
    if (!businessId || !messageId || !isUuid(businessId) || !isUuid(messageId)) return 'ignored';
    // No attempt: a report about the message as it is; an attempt we cannot read: about nothing we sent.
    if (attempt !== undefined && !ATTEMPT.test(attempt)) return 'ignored';
    const attemptNumber = attempt === undefined ? null : Number(attempt);
    const status = param(params, 'MessageStatus') ?? param(params, 'SmsStatus');
    if (status === 'delivered') {
      return this.reports.apply(businessId, { messageId, attempt: attemptNumber, outcome: MessageStatus.delivered });
    }
    if (status === 'failed' || status === 'undelivered') {
      const code = param(params, 'ErrorCode');
      const meaning = code ? ERROR_CODES[code] : undefined;
      const error = `Twilio: ${status}${code ? ` (error ${code}${meaning ? `: ${meaning}` : ''})` : ''}`;
      return this.reports.apply(businessId, { messageId, attempt: attemptNumber, outcome: MessageStatus.failed, error });
    }
    return 'ignored';
  }

  /**
   * An incoming SMS. An opt-out keyword (STOP, הסר, …) unsubscribes the
   * sender's phone from marketing SMS in the businesses that sent from the
   * number it went to; when that number is the shared sender (TWILIO_FROM or
   * the Messaging Service) or no business's own, in every business that has
   * the phone. Anything else is left alone.
   */
  async inbound(params: FormParams): Promise<InboundResult> {
    if (!isOptOutReply(param(params, 'Body') ?? '')) return { optOut: false };
    const phone = toE164(param(params, 'From') ?? '');
    if (!phone) return { optOut: true, businesses: 0, changed: 0 };
    const businesses = await this.businessesReached(param(params, 'To'), param(params, 'MessagingServiceSid'), phone);
    const changed = await this.refusals.refuse(businesses, SubscriberChannel.sms, phone, 'sms_reply');
    return { optOut: true, businesses: businesses.length, changed };
  }

  private async businessesReached(to: string | undefined, serviceSid: string | undefined, phone: string): Promise<string[]> {
    const shared = (to !== undefined && to === this.defaultFrom) || (!!serviceSid && serviceSid === this.messagingServiceSid);
    const own = to && !shared ? await this.settings.businessesSendingFrom(to) : [];
    return own.length ? own : this.refusals.businessesHolding(SubscriberChannel.sms, phone);
  }
}
