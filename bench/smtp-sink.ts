import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * The benchmarks' SMTP sink, in a process of its own: the server of
 * test/support/smtp-sink (no AUTH, no STARTTLS) keeping every mail it takes:
 * its envelope recipients, the logged message it carries (the
 * `X-ChatGrow-Message-Id` header, `<businessId>/<messageId>/<attempt>`), its
 * size and the time it was taken (when its last byte arrived, just before the
 * sink answers 250). IPC: reports `{ port }`; answers "count" with the number
 * of mails, "stats" with totals (count, first and last arrival, distinct
 * messages, mails without the header), "mails" with all of them, "reset" by
 * forgetting them; "stop" exits.
 */
const REFERENCE = /^X-ChatGrow-Message-Id:\s*[^/\r\n]+\/([^/\r\n]+)\//im;

export interface SinkMail {
  to: string[];
  /** The logged message's id from the header; null when the mail has none. */
  messageId: string | null;
  bytes: number;
  /** Date.now() when the last byte arrived. */
  at: number;
}

export interface SinkStats {
  count: number;
  first: number;
  last: number;
  distinct: number;
  withoutReference: number;
}

let mails: SinkMail[] = [];

function stats(): SinkStats {
  const ids = new Set<string>();
  let withoutReference = 0;
  for (const m of mails) {
    if (m.messageId) ids.add(m.messageId);
    else withoutReference++;
  }
  return { count: mails.length, first: mails[0]?.at ?? 0, last: mails.at(-1)?.at ?? 0, distinct: ids.size, withoutReference };
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  // A sink answers as fast as it can; a pooled client sends one mail after another on each connection.
  maxClients: 1000,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const at = Date.now();
      const body = Buffer.concat(chunks);
      const ref = REFERENCE.exec(body.toString('utf8', 0, 8192));
      mails.push({
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        messageId: ref ? ref[1] : null,
        bytes: body.length,
        at,
      });
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  process.send!({ port });
});

// Orphaned (the benchmark was killed): go too.
process.on('disconnect', () => process.exit(1));
process.on('message', (m) => {
  if (m === 'count') process.send!({ count: mails.length });
  else if (m === 'stats') process.send!(stats());
  else if (m === 'mails') process.send!({ mails });
  else if (m === 'reset') {
    mails = [];
    process.send!({ reset: true });
  } else if (m === 'stop') server.close(() => process.exit(0));
});
