/** The ways a message reaches a person. WhatsApp goes through Meta's Cloud API with each business's own number. */
export enum Channel {
  email = 'email',
  sms = 'sms',
  whatsapp = 'whatsapp',
}

/** The languages templates exist in. */
export enum MessageLocale {
  he = 'he',
  en = 'en',
}

/** Transactional messages always go; marketing needs consent for the channel, an opt-out, and respects quiet hours. */
export enum MessageKind {
  transactional = 'transactional',
  marketing = 'marketing',
}

/** queued → sending → sent → delivered → read (WhatsApp) | failed | bounced; suppressed when it must not be sent. */
export enum MessageStatus {
  queued = 'queued',
  sending = 'sending',
  sent = 'sent',
  delivered = 'delivered',
  /** The recipient opened it (WhatsApp's read receipt); after delivered. */
  read = 'read',
  failed = 'failed',
  bounced = 'bounced',
  suppressed = 'suppressed',
}

/** The built-in templates (a business may override each per channel and locale). */
export enum TemplateKey {
  appointmentBooked = 'appointment.booked',
  appointmentRescheduled = 'appointment.rescheduled',
  appointmentCancelled = 'appointment.cancelled',
  appointmentReminder = 'appointment.reminder',
  registrationConfirmed = 'registration.confirmed',
  registrationWaitlisted = 'registration.waitlisted',
  registrationPromoted = 'registration.promoted',
  eventCancelled = 'event.cancelled',
  subscriberConfirm = 'subscriber.confirm',
  memberInvitation = 'member.invitation',
  paymentRequest = 'payment.request',
  paymentReceipt = 'payment.receipt',
  invoiceIssued = 'invoice.issued',
  passwordReset = 'account.password_reset',
  emailVerification = 'account.email_verification',
  emailChange = 'account.email_change',
}

/**
 * Templates whose text holds a one-time secret for its recipient (account
 * mails: a password-reset link works as a password). The message log keeps
 * their text to send it, but the API never shows it: any member of the
 * business could otherwise take over the recipient's account.
 */
export const SECRET_LINK_TEMPLATES: ReadonlySet<string> = new Set<string>([
  TemplateKey.passwordReset,
  TemplateKey.emailVerification,
  TemplateKey.emailChange,
]);

/** What a template renders to: a subject (email), a plain-text body (every channel) and HTML (email). */
export interface RenderedMessage {
  subject?: string;
  text: string;
  html?: string;
}

/** Values a template may reference, by name (`{{ customer.firstName }}`); nested one level for readability. */
export type TemplateVariables = Record<string, unknown>;

/**
 * Renders a template: the business's override for (key, channel, locale) if
 * it has one, else the built-in. Unknown variables render empty; HTML output
 * is escaped by default.
 */
export interface TemplateRenderer {
  render(
    businessId: string,
    key: TemplateKey,
    channel: Channel,
    locale: MessageLocale,
    variables: TemplateVariables,
  ): Promise<RenderedMessage>;

  /**
   * Renders short text templates (a WhatsApp template's body parameters,
   * `{{ customer.firstName }}`) with the same variables, in the business's
   * zone and the locale's formats; each result is one line.
   */
  renderLines(businessId: string, locale: MessageLocale, variables: TemplateVariables, sources: string[]): Promise<string[]>;
}

export const TEMPLATE_RENDERER = Symbol('TEMPLATE_RENDERER');
