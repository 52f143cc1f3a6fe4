import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseEml, type ParsedMail } from './eml';

export interface ReceivedMail extends ParsedMail {
  envelope: { from: string; to: string[] };
}

/**
 * A real SMTP server on a free local port that keeps what it receives.
 * `failNext(n)` answers the next n messages with a temporary failure (451),
 * as a busy server would, or with the reply code given (552, 421...);
 * `rejectRecipient(address)` refuses that mailbox at RCPT TO with 550.
 * `hold()` leaves every message that arrives unanswered and unkept (a server
 * that stopped mid-transaction: no sender can count such a mail as sent) until
 * `release()`, which refuses them with 451.
 */
export async function startSmtpSink(): Promise<{
  url: string;
  received: ReceivedMail[];
  failNext(n: number, responseCode?: number): void;
  rejectRecipient(address: string): void;
  rejected(): number;
  hold(): void;
  release(): void;
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  let toFail = 0;
  let failCode = 451;
  const unknownMailboxes = new Set<string>();
  let rejected = 0;
  let holding = false;
  const held: ((err: Error) => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!unknownMailboxes.has(address.address.toLowerCase())) return callback();
      callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (holding) {
          held.push(callback);
          return;
        }
        if (toFail > 0) {
          toFail--;
          rejected++;
          const err = Object.assign(new Error(failCode < 500 ? 'Try again later' : 'Message refused'), { responseCode: failCode });
          return callback(err);
        }
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        received.push({ ...parseEml(Buffer.concat(chunks).toString('utf8')), envelope });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext: (n, responseCode = 451) => {
      toFail = n;
      failCode = responseCode;
    },
    rejectRecipient: (address) => {
      unknownMailboxes.add(address.toLowerCase());
    },
    rejected: () => rejected,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const answer of held.splice(0)) answer(Object.assign(new Error('Try again later'), { responseCode: 451 }));
    },
    async waitFor(match, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No matching message after ${timeoutMs} ms (${received.length} received)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
