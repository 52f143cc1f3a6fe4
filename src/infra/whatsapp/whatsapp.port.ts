/** A business's own WhatsApp Cloud API account: its number's id, its WhatsApp Business Account and its token. */
export interface WhatsAppAccount {
  phoneNumberId: string;
  businessAccountId: string;
  accessToken: string;
}

/** An approved template with its body parameters in order ({{1}}, {{2}}, …). */
export interface WhatsAppTemplateMessage {
  to: string;
  template: { name: string; language: string; parameters: string[] };
  /** Echoed back by Meta in the message's status notifications. */
  reference?: string;
}

/** Free text: only inside the 24-hour customer service window. */
export interface WhatsAppTextMessage {
  to: string;
  text: string;
  reference?: string;
}

export interface SentWhatsApp {
  /** The wamid Meta gave the message: its status notifications name it. */
  messageId: string;
  provider: string;
}

/** A template of the business account, as Meta lists it. */
export interface WhatsAppTemplateInfo {
  name: string;
  language: string;
  status: string;
  category: string;
  /** The BODY component's text, with {{1}}… placeholders. */
  body: string;
}

/** What Meta says of the phone number (a harmless call that proves the token and the id). */
export interface WhatsAppNumberInfo {
  id: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
}

/**
 * The WhatsApp port: sends through a business's own account (Meta's Cloud API
 * with Graph calls), lists its templates and checks its number. A failed send
 * throws a DeliveryError (src/common/delivery); the other calls throw
 * WhatsAppApiError.
 */
export interface WhatsAppClient {
  readonly provider: string;
  sendTemplate(account: WhatsAppAccount, message: WhatsAppTemplateMessage): Promise<SentWhatsApp>;
  sendText(account: WhatsAppAccount, message: WhatsAppTextMessage): Promise<SentWhatsApp>;
  templates(account: WhatsAppAccount): Promise<WhatsAppTemplateInfo[]>;
  phoneNumber(account: WhatsAppAccount): Promise<WhatsAppNumberInfo>;
}

export const WHATSAPP_CLIENT = Symbol('WHATSAPP_CLIENT');

/** Meta's error answer: `{ error: { message, type, code, error_subcode, fbtrace_id } }`, or the network failing (status 0). */
export class WhatsAppApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | null,
  ) {
    super(message);
  }

  /** Worth trying again later: no answer, 429, 5xx, or Meta's own throttling and transient codes. */
  get temporary(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500 || (this.code !== null && TEMPORARY_CODES.has(this.code));
  }
}

/** Meta's codes for "try again later": 1/2 (API unknown / service), 4, 80007, 130429 and 131048 (rate limits), 131016 (service unavailable). */
const TEMPORARY_CODES = new Set([1, 2, 4, 80007, 130429, 131016, 131048]);

/** Meta's code for free text outside the 24-hour customer service window ("Re-engagement message"). */
export const WHATSAPP_REENGAGEMENT_CODE = 131047;
