import twilio from 'twilio';
import { countSmsSegments } from './sms-segments';
import type { SentSms, SmsMessage, SmsTransport } from './sms.port';
import { ApiUrlRequestClient } from './twilio-api-url.request-client';
import { twilioDeliveryError } from './twilio-delivery-error';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** The default sender (TWILIO_FROM). */
  from?: string;
  /** TWILIO_MESSAGING_SERVICE_SID: Twilio picks the sender from the service. */
  messagingServiceSid?: string;
  /** TWILIO_API_URL: another base URL for every request (a local fake); unset is Twilio's API. */
  apiUrl?: string;
  /** How long one API call may take; default 10 s. */
  timeoutMs?: number;
}

/**
 * Sends through Twilio's Messages API with the official SDK. The sender is the
 * Messaging Service when TWILIO_MESSAGING_SERVICE_SID is set (with the
 * message's own `from`, if it names one), else the message's `from` or
 * TWILIO_FROM. Twilio's `sid` (SM…) is the message id; segments are our count.
 * A message's `statusCallback` goes along, so Twilio reports its delivery there.
 * The SDK does not retry (autoRetry off): the sending job does, by the error's kind.
 */
export class TwilioSmsTransport implements SmsTransport {
  readonly provider = 'twilio';
  private readonly client: twilio.Twilio;

  constructor(private readonly settings: TwilioSettings) {
    const timeout = settings.timeoutMs ?? 10_000;
    this.client = twilio(settings.accountSid, settings.authToken, {
      timeout,
      autoRetry: false,
      httpClient: settings.apiUrl ? new ApiUrlRequestClient(settings.apiUrl, { timeout }) : undefined,
    });
  }

  async send(message: SmsMessage): Promise<SentSms> {
    const { messagingServiceSid } = this.settings;
    const from = message.from ?? (messagingServiceSid ? undefined : this.settings.from);
    try {
      const sent = await this.client.messages.create({
        to: message.to,
        body: message.body,
        ...(messagingServiceSid ? { messagingServiceSid } : {}),
        ...(from ? { from } : {}),
        ...(message.statusCallback ? { statusCallback: message.statusCallback } : {}),
      });
      return { messageId: sent.sid, provider: this.provider, segments: countSmsSegments(message.body) };
    } catch (err) {
      throw twilioDeliveryError(err);
    }
  }

  /** Reads the account (sends nothing): the credentials work and the account is active. */
  async probe(): Promise<{ ok: boolean; detail?: string }> {
    try {
      const account = await this.client.api.v2010.accounts(this.settings.accountSid).fetch();
      return { ok: account.status === 'active', detail: `${account.friendlyName} (${account.status})` };
    } catch (err) {
      return { ok: false, detail: twilioDeliveryError(err).message };
    }
  }
}
