/** One text message; `to` and `from` are E.164 (+972…) or an alphanumeric sender id for `from`. */
export interface SmsMessage {
  to: string;
  body: string;
  /** The business's sender (number or name); default TWILIO_FROM / TWILIO_MESSAGING_SERVICE_SID. */
  from?: string;
  /**
   * Where the provider reports the message's delivery (Twilio: `StatusCallback`,
   * signed with the Auth Token). Drivers without delivery reports ignore it.
   */
  statusCallback?: string;
}

export interface SentSms {
  messageId: string;
  /** `log`, `twilio`. */
  provider: string;
  /** Billable segments (GSM-7: 160/153 characters; UCS-2, e.g. Hebrew: 70/67). */
  segments: number;
}

/**
 * The SMS port: drivers (a local log, Twilio) implement it; callers inject
 * SMS_TRANSPORT. A failed send throws a DeliveryError (src/common/delivery).
 */
export interface SmsTransport {
  readonly provider: string;
  send(message: SmsMessage): Promise<SentSms>;
  probe(): Promise<{ ok: boolean; detail?: string }>;
}

export const SMS_TRANSPORT = Symbol('SMS_TRANSPORT');
