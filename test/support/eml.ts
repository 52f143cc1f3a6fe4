import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A file attached to a parsed message. */
export interface ParsedAttachment {
  /** Decoded from RFC 2231 (`filename*=utf-8''…`) or RFC 2047 when encoded. */
  filename: string;
  /** The media type alone, lower-cased (`application/pdf`). */
  contentType: string;
  content: Buffer;
}

/** A received or written message, decoded enough for assertions (no mail library needed). */
export interface ParsedMail {
  raw: string;
  /** Decoded (RFC 2047) and unfolded header value; the first when repeated. */
  header(name: string): string | undefined;
  subject: string;
  text: string;
  html: string;
  attachments: ParsedAttachment[];
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

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable': {
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1');
    }
    default:
      return Buffer.from(body, 'utf8');
  }
}

/** The parameters of a structured header (`attachment; filename="a.pdf"`), RFC 2231 continuations and charsets joined and decoded. */
function headerParams(value: string): Map<string, string> {
  const pieces = new Map<string, { index: number; encoded: boolean; text: string }[]>();
  for (const m of value.matchAll(/;\s*([^\s=*;]+)(?:\*(\d+))?(\*)?=("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    const name = m[1].toLowerCase();
    const text = m[4].startsWith('"') ? m[4].slice(1, -1).replace(/\\(.)/g, '$1') : m[4].trim();
    pieces.set(name, [...(pieces.get(name) ?? []), { index: Number(m[2] ?? 0), encoded: m[3] === '*', text }]);
  }
  const params = new Map<string, string>();
  for (const [name, parts] of pieces) {
    parts.sort((a, b) => a.index - b.index);
    if (!parts.some((p) => p.encoded)) {
      params.set(name, decodeWords(parts.map((p) => p.text).join('')));
      continue;
    }
    const joined = parts.map((p) => p.text).join('');
    const [charset, , encoded] = joined.split("'");
    const bytes = Buffer.from(
      encoded.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    );
    params.set(name, bytes.toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1'));
  }
  return params;
}

interface MimeLeaf {
  type: string;
  params: Map<string, string>;
  disposition?: string;
  content: Buffer;
}

/** Leaf parts of a MIME entity, their content decoded. */
function leaves(raw: string): MimeLeaf[] {
  const { headers, body } = splitHead(raw);
  const contentType = headers.get('content-type')?.[0] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    return parts.filter((p) => !p.startsWith('--')).flatMap((p) => leaves(p.replace(/^\r?\n/, '')));
  }
  const disposition = headers.get('content-disposition')?.[0];
  return [
    {
      type: contentType.split(';')[0].trim().toLowerCase(),
      params: new Map([...headerParams(contentType), ...(disposition ? headerParams(disposition) : [])]),
      disposition: disposition?.split(';')[0].trim().toLowerCase(),
      content: decodeBody(body.replace(/\r?\n$/, ''), headers.get('content-transfer-encoding')?.[0]),
    },
  ];
}

export function parseEml(raw: string): ParsedMail {
  const { headers } = splitHead(raw);
  const parts = leaves(raw);
  const header = (name: string) => {
    const v = headers.get(name.toLowerCase())?.[0];
    return v === undefined ? undefined : decodeWords(v);
  };
  const bodyPart = (type: string) => parts.find((p) => p.type === type && p.disposition !== 'attachment')?.content.toString('utf8') ?? '';
  return {
    raw,
    header,
    subject: header('subject') ?? '',
    text: bodyPart('text/plain'),
    html: bodyPart('text/html'),
    attachments: parts
      .filter((p) => p.disposition === 'attachment')
      .map((p) => ({ filename: p.params.get('filename') ?? p.params.get('name') ?? '', contentType: p.type, content: p.content })),
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
