import { randomBytes } from 'node:crypto';
import { deepObject, hugeString, PROTO_POLLUTION, SQL_STRINGS } from './hostile-inputs';
import type { Schema } from './openapi-operations';
import type { Variant } from './variant';

interface PartSpec {
  name: string;
  content: Buffer;
  /** Sent as a file part with this file name. */
  fileName?: string;
}

/** A multipart/form-data body and its Content-Type. */
export function multipart(parts: PartSpec[]): { contentType: string; body: Buffer } {
  const boundary = `robustness-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName}"` : ''}`;
    const type = p.fileName ? 'Content-Type: text/csv\r\n' : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), p.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

const VALID_CSV = Buffer.from('firstName,phone\nדנה,+972521234567\n', 'utf8');
/** The bytes ED A0 BD: a UTF-16 surrogate encoded as UTF-8, which is ill-formed. */
const SURROGATE_BYTES = Buffer.from([0xed, 0xa0, 0xbd]);

/** Fields of a multipart schema as parts: binary ones as a small valid CSV file, the rest as their example. */
export function validParts(schema: Schema): PartSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => required.has(name))
    .map(([name, prop]) =>
      prop.format === 'binary'
        ? { name, content: VALID_CSV, fileName: 'customers.csv' }
        : { name, content: Buffer.from(String(prop.example ?? 'robustness')) },
    );
}

/** Hostile multipart bodies: bad file contents, hostile text fields, missing and unexpected parts. */
export function multipartVariants(schema: Schema, target: string): Variant[] {
  const base = validParts(schema);
  const send = (label: string, parts: PartSpec[], expect: Variant['expect']): Variant => ({ label, expect, target, ...multipart(parts) });
  const replace = (name: string, part: PartSpec) => [...base.filter((p) => p.name !== name), part];
  // Parts a schema requires must be there; a file part is refused where files are parsed (uploads).
  const takesFiles = Object.values(schema.properties ?? {}).some((p) => p.format === 'binary');
  const out: Variant[] = [
    send('multipart: no parts', [], schema.required?.length ? '4xx' : 'no-5xx'),
    send(
      'multipart: unexpected file part',
      [...base, { name: 'robustnessProbe', content: VALID_CSV, fileName: 'x.csv' }],
      takesFiles ? '4xx' : 'no-5xx',
    ),
  ];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (prop.format === 'binary') {
      const file = (content: Buffer) => ({ name, content, fileName: 'customers.csv' });
      out.push(
        send(`multipart ${name}: empty file`, replace(name, file(Buffer.alloc(0))), 'no-5xx'),
        send(`multipart ${name}: NUL bytes`, replace(name, file(Buffer.from('firstName,phone\nד\u0000נה,+972521234567\n'))), 'no-5xx'),
        send(
          `multipart ${name}: ill-formed UTF-8`,
          replace(name, file(Buffer.concat([Buffer.from('firstName,phone\n'), SURROGATE_BYTES, Buffer.from(',+972521234567\n')]))),
          'no-5xx',
        ),
        send(`multipart ${name}: 100 KB line`, replace(name, file(Buffer.from(`firstName,phone\n${hugeString()},1\n`))), 'no-5xx'),
        send(`multipart ${name}: not CSV (binary)`, replace(name, file(randomBytes(4096))), 'no-5xx'),
      );
    } else {
      const text = (content: string | Buffer) => ({ name, content: Buffer.isBuffer(content) ? content : Buffer.from(content) });
      const values: [string, string | Buffer][] = [
        ['100 KB string', hugeString()],
        ['ill-formed UTF-8', Buffer.concat([Buffer.from('{"a'), SURROGATE_BYTES, Buffer.from('":"firstName"}')])],
        ['NUL character', '{"a\u0000b":"firstName"}'],
        ['JSON nested 3000 levels', deepObject().text],
        ...PROTO_POLLUTION.map((p): [string, string] => [p.label, `{${JSON.stringify(p.key)}:${p.value.text}}`]),
        ...SQL_STRINGS.map((s): [string, string] => [`SQL ${JSON.stringify(s)}`, s]),
      ];
      for (const [label, value] of values) out.push(send(`multipart ${name}: ${label}`, replace(name, text(value)), 'no-5xx'));
    }
  }
  return out;
}
