import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A received or written message, decoded enough for assertions (no mail library needed). */
export interface ParsedMail {
  raw: string;
  /** Decoded (RFC 2047) and unfolded header value; the first when repeated. */
  header(name: string): string | undefined;
  subject: string;
  text: string;
  html: string;
}

function decodeWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  const out: Buffer[] = [];
  let last = 0;
  for (const m of joined.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)) {
    out.push(Buffer.from(joined.slice(last, m.index), 'utf8'));
    out.push(
      m[2].toUpperCase() === 'B'
        ? Buffer.from(m[3], 'base64')
        : Buffer.from(
            m[3].replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
    );
    last = m.index! + m[0].length;
  }
  out.push(Buffer.from(joined.slice(last), 'utf8'));
  return Buffer.concat(out).toString('utf8');
}

function splitHead(raw: string): { headers: Map<string, string[]>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string[]>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    headers.set(key, [...(headers.get(key) ?? []), line.slice(colon + 1).trim()]);
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable': {
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    default:
      return body;
  }
}

/** Leaf parts of a MIME entity: [content-type, decoded content]. */
function leaves(raw: string): [string, string][] {
  const { headers, body } = splitHead(raw);
  const type = headers.get('content-type')?.[0] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    return parts.filter((p) => !p.startsWith('--')).flatMap((p) => leaves(p.replace(/^\r?\n/, '')));
  }
  return [[type.toLowerCase(), decodeBody(body, headers.get('content-transfer-encoding')?.[0])]];
}

export function parseEml(raw: string): ParsedMail {
  const { headers } = splitHead(raw);
  const parts = leaves(raw);
  const header = (name: string) => {
    const v = headers.get(name.toLowerCase())?.[0];
    return v === undefined ? undefined : decodeWords(v);
  };
  return {
    raw,
    header,
    subject: header('subject') ?? '',
    text: parts.find(([t]) => t.startsWith('text/plain'))?.[1] ?? '',
    html: parts.find(([t]) => t.startsWith('text/html'))?.[1] ?? '',
  };
}

/** Polls an outbox folder until a message matching `match` appears (the mail job runs asynchronously). */
export async function waitForOutboxMail(dir: string, match: (m: ParsedMail) => boolean, timeoutMs = 20_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.eml') && !f.startsWith('.'));
    } catch {
      // the folder appears with the first message
    }
    for (const f of files.sort()) {
      const mail = parseEml(readFileSync(join(dir, f), 'utf8'));
      if (match(mail)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`No matching mail in ${dir} after ${timeoutMs} ms (${files.length} files)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every outbox message for one recipient. */
export function outboxMailsTo(dir: string, to: string): ParsedMail[] {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml') && !f.startsWith('.'));
  } catch {
    return [];
  }
  return files.map((f) => parseEml(readFileSync(join(dir, f), 'utf8'))).filter((m) => m.header('to') === to);
}
