import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { DeliveryReference } from '../../common/delivery/delivery-reference';
import type { AppConfig } from '../../infra/config/app-config';
import { PermanentDeliveryError } from '../../common/delivery/delivery-errors';
import { MAIL_TRANSPORT, type MailAttachment, type MailTransport } from '../../infra/mail/mail.port';
import { FILE_STORAGE, type FileStorage } from '../../infra/storage/file-storage.port';
import { SMS_TRANSPORT, type SmsTransport } from '../../infra/sms/sms.port';
import { WHATSAPP_CLIENT, type WhatsAppClient } from '../../infra/whatsapp/whatsapp.port';
import type { MessageRecord } from './message.types';
import { Channel } from './notification.types';
import { twilioStatusCallbackUrl, whatsappReference } from './webhooks/webhook-urls';
import { WhatsAppSettingsService } from './whatsapp/whatsapp-settings.service';

export interface Dispatched {
  provider: string;
  providerMessageId: string;
  segments: number | null;
}

/**
 * Hands a logged message to its channel's driver (chosen at boot: EMAIL_DRIVER,
 * SMS_DRIVER; WhatsApp through the business's own Cloud API account). A new
 * channel is one more case here and one more port; the callers of the
 * notifications service do not change.
 */
@Injectable()
export class ChannelDispatcher {
  private readonly publicUrl: string;

  constructor(
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(SMS_TRANSPORT) private readonly sms: SmsTransport,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
    @Inject(WHATSAPP_CLIENT) private readonly whatsapp: WhatsAppClient,
    private readonly whatsappSettings: WhatsAppSettingsService,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true });
  }

  /** Sends the message as its attempt `m.attempts`; the provider gets a reference to it for its delivery reports. */
  async send(m: MessageRecord): Promise<Dispatched> {
    const reference: DeliveryReference = { businessId: m.businessId, messageId: m.id, attempt: m.attempts };
    switch (m.channel) {
      case Channel.email: {
        const sent = await this.mail.send({
          to: m.to,
          subject: m.subject ?? '',
          text: m.text,
          html: m.html ?? undefined,
          fromName: m.fromName ?? undefined,
          replyTo: m.replyTo ?? undefined,
          headers: m.headers,
          reference,
          attachments: await this.attachments(m),
        });
        return { provider: sent.provider, providerMessageId: sent.messageId, segments: null };
      }
      case Channel.sms: {
        const sent = await this.sms.send({
          to: m.to,
          body: m.text,
          from: m.smsSender ?? undefined,
          statusCallback: twilioStatusCallbackUrl(this.publicUrl, reference),
        });
        return { provider: sent.provider, providerMessageId: sent.messageId, segments: sent.segments };
      }
      case Channel.whatsapp: {
        // The number may have been disconnected since the message was written: nothing to send it with.
        const account = await this.whatsappSettings.account(m.businessId);
        if (!account) throw new PermanentDeliveryError('WhatsApp is no longer configured for this business');
        // Meta echoes the reference in the status notifications, so they find the message (and attempt) even before `sent` is recorded.
        const ref = whatsappReference(reference);
        const sent = m.whatsappTemplate
          ? await this.whatsapp.sendTemplate(account, { to: m.to, template: m.whatsappTemplate, reference: ref })
          : await this.whatsapp.sendText(account, { to: m.to, text: m.text, reference: ref });
        return { provider: sent.provider, providerMessageId: sent.messageId, segments: null };
      }
    }
  }

  /** The message's attachments, read from storage; a file that is gone fails the message for good. */
  private async attachments(m: MessageRecord): Promise<MailAttachment[] | undefined> {
    if (!m.attachments.length) return undefined;
    return Promise.all(
      m.attachments.map(async (a) => {
        const content = await this.files.get(a.key);
        if (!content) throw new PermanentDeliveryError(`attachment ${a.filename} is missing from storage`);
        return { filename: a.filename, contentType: a.contentType, content };
      }),
    );
  }

  /** Each channel's configured driver and whether it answers. */
  async providers(): Promise<{ channel: Channel; provider: string; ok: boolean; detail: string | null }[]> {
    const probe = async (channel: Channel, t: { provider: string; probe(): Promise<{ ok: boolean; detail?: string }> }) => {
      const result = await t.probe().catch((err: Error) => ({ ok: false, detail: err.message }));
      return { channel, provider: t.provider, ok: result.ok, detail: result.detail ?? null };
    };
    return Promise.all([probe(Channel.email, this.mail), probe(Channel.sms, this.sms)]);
  }
}
