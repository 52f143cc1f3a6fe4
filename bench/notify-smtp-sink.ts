import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * The SMTP sink of `bench:notify`, in a process of its own: the server of
 * test/support/smtp-sink (no AUTH, no STARTTLS) that keeps only what the
 * benchmark reads: how many mails, the time of the last, and which logged
 * messages they were (the `X-ChatGrow-Message-Id` header), to count
 * duplicates. IPC: reports `{ port }`; answers "stats" with the figures
 * and "reset" by forgetting them; "stop" exits.
 */
const REFERENCE = /^X-ChatGrow-Message-Id:\s*[^/\r\n]+\/([^/\r\n]+)\//im;

let count = 0;
let first = 0;
let last = 0;
let withoutReference = 0;
const messageIds = new Set<string>();

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  // A sink answers as fast as it can; the pooled client sends one mail after another on each connection.
  maxClients: 1000,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const head = Buffer.concat(chunks).toString('utf8', 0, 4096);
      const ref = REFERENCE.exec(head);
      if (ref) messageIds.add(ref[1]);
      else withoutReference++;
      const now = Date.now();
      if (count === 0) first = now;
      count++;
      last = now;
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
  if (m === 'stats') process.send!({ count, first, last, distinct: messageIds.size, withoutReference });
  else if (m === 'reset') {
    count = first = last = withoutReference = 0;
    messageIds.clear();
    process.send!('reset');
  } else if (m === 'stop') server.close(() => process.exit(0));
});
