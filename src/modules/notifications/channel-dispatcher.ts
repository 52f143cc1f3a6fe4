import { Inject, Injectable } from '@nestjs/common';
import { MAIL_TRANSPORT, type MailTransport } from '../../infra/mail/mail.port';
import { SMS_TRANSPORT, type SmsTransport } from '../../infra/sms/sms.port';
import type { MessageRecord } from './message.types';
import { Channel } from './notification.types';

export interface Dispatched {
  provider: string;
  providerMessageId: string;
  segments: number | null;
}

/**
 * Hands a logged message to its channel's driver (chosen at boot: EMAIL_DRIVER,
 * SMS_DRIVER). A new channel (WhatsApp) is one more case here and one more
 * port; the callers of the notifications service do not change.
 */
@Injectable()
export class ChannelDispatcher {
  constructor(
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(SMS_TRANSPORT) private readonly sms: SmsTransport,
  ) {}

  async send(m: MessageRecord): Promise<Dispatched> {
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
        });
        return { provider: sent.provider, providerMessageId: sent.messageId, segments: null };
      }
      case Channel.sms: {
        const sent = await this.sms.send({ to: m.to, body: m.text, from: m.smsSender ?? undefined });
        return { provider: sent.provider, providerMessageId: sent.messageId, segments: sent.segments };
      }
    }
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
