import { accessSync, constants, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { asDeliveryError } from '../../common/delivery/delivery-errors';
import type { MailMessage, MailTransport, SentMail } from './mail.port';
import { type SenderDefaults, toNodemailerMessage } from './nodemailer-options';

/**
 * The local driver: every mail becomes an RFC 5322 `.eml` file in OUTBOX_DIR
 * (open it with any mail client). Files appear atomically, so a reader never
 * sees half a message.
 */
export class OutboxMailTransport implements MailTransport {
  readonly provider = 'outbox';
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  private readonly sender: SenderDefaults;

  constructor(
    private readonly dir: string,
    from: string,
    replyTo?: string,
  ) {
    this.sender = { from, replyTo };
    mkdirSync(dir, { recursive: true });
  }

  async send(message: MailMessage): Promise<SentMail> {
    try {
      const info = await this.composer.sendMail(toNodemailerMessage(this.sender, message));
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      const tmp = join(this.dir, `.${name}.tmp`);
      writeFileSync(tmp, info.message as Buffer);
      renameSync(tmp, join(this.dir, name));
      return { messageId: info.messageId, provider: this.provider };
    } catch (err) {
      throw asDeliveryError(err);
    }
  }

  async probe(): Promise<{ ok: boolean; detail?: string }> {
    try {
      accessSync(this.dir, constants.W_OK);
      return { ok: true, detail: this.dir };
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
  }
}
