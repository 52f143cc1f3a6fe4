import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asDeliveryError } from '../../common/delivery/delivery-errors';
import { countSmsSegments } from './sms-segments';
import type { SentSms, SmsMessage, SmsTransport } from './sms.port';

/** One line of the SMS log. */
export interface LoggedSms {
  to: string;
  from: string | null;
  body: string;
  segments: number;
  /** ISO time of the send. */
  at: string;
  messageId: string;
}

/**
 * The local driver: every text message becomes one JSON line in
 * `OUTBOX_DIR/sms.log` (by default DATA_DIR/outbox), next to the outbox mails.
 * Nothing leaves the machine; `tail -f` shows what would have been sent.
 */
export class LogSmsTransport implements SmsTransport {
  readonly provider = 'log';
  readonly file: string;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'sms.log');
  }

  async send(message: SmsMessage): Promise<SentSms> {
    const entry: LoggedSms = {
      to: message.to,
      from: message.from ?? null,
      body: message.body,
      segments: countSmsSegments(message.body),
      at: new Date().toISOString(),
      messageId: `log-${randomUUID()}`,
    };
    try {
      // The whole line in one append (O_APPEND), so concurrent sends add whole lines.
      await appendFile(this.file, `${JSON.stringify(entry)}\n`, 'utf8');
    } catch (err) {
      throw asDeliveryError(err);
    }
    return { messageId: entry.messageId, provider: this.provider, segments: entry.segments };
  }

  async probe(): Promise<{ ok: boolean; detail?: string }> {
    try {
      accessSync(this.dir, constants.W_OK);
      return { ok: true, detail: this.file };
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
  }
}
