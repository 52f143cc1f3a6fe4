/**
 * Hostile values for request bodies, path segments and query strings, and a
 * JSON writer that can splice raw JSON text (a lone surrogate escape, 3,000
 * levels of nesting) into an otherwise ordinary body.
 */

/** JSON text written as-is into a body (see `toJsonText`). */
export class RawJson {
  constructor(readonly text: string) {}
}

export const NESTING_DEPTH = 3_000;

/** `{"a":{"a":…1…}}`, 3,000 levels (~18 KB). */
export const deepObject = (): RawJson => new RawJson('{"a":'.repeat(NESTING_DEPTH) + '1' + '}'.repeat(NESTING_DEPTH));

/** `[[[…]]]`, 3,000 levels. */
export const deepArray = (): RawJson => new RawJson('['.repeat(NESTING_DEPTH) + ']'.repeat(NESTING_DEPTH));

/** A lone high surrogate, as the JSON escape a client would send: ill-formed UTF-16. */
export const LONE_SURROGATE = new RawJson('"a\\ud83db@example.co.il"');

/** A NUL character inside an otherwise ordinary value. */
export const WITH_NUL = 'a\u0000b@example.co.il';

export const SQL_STRINGS = ["' OR 1=1 --", "'; DROP TABLE customers; --"];

/** 100 KB: far beyond any field, well within the 1 MB body limit. */
export const HUGE_STRING_LENGTH = 100 * 1024;
export const hugeString = (): string => 'x'.repeat(HUGE_STRING_LENGTH);

export const PROTO_POLLUTION: { label: string; key: string; value: RawJson }[] = [
  { label: '__proto__ key', key: '__proto__', value: new RawJson('{"admin":true}') },
  { label: 'constructor.prototype key', key: 'constructor', value: new RawJson('{"prototype":{"x":1}}') },
];

/** A value of each JSON type, to send where the schema wants another one. */
export const VALUE_OF_TYPE: Record<string, unknown> = {
  string: 'robustness',
  number: 12345,
  array: ['robustness'],
  object: { robustness: 1 },
  boolean: true,
};

/** Path segments that are no record: already percent-encoded as they go on the wire. */
export const BAD_PATH_SEGMENTS: { label: string; segment: string }[] = [
  { label: 'not-a-uuid', segment: 'not-a-uuid' },
  { label: '%00', segment: '%00' },
  { label: 'ill-formed UTF-8 %ED%A0%BD', segment: '%ED%A0%BD' },
  { label: '5 KB string', segment: 'a'.repeat(5 * 1024) },
  { label: 'encoded traversal ..%2F..%2Fetc', segment: '..%2F..%2Fetc' },
  { label: "SQL ' OR 1=1", segment: encodeURIComponent("' OR 1=1") },
];

/**
 * 8 KB: huge for a query value, yet inside Node's 16 KB header limit so the
 * request reaches the app (beyond it Node answers 431 itself).
 */
export const HUGE_QUERY_LENGTH = 8 * 1024;

/** Serializes like JSON.stringify, writing every RawJson's text verbatim. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]);
}

/** Body text of `base` (an object) with one more member written raw: `{"__proto__": …}` survives this way. */
export function withRawMember(base: Record<string, unknown>, key: string, value: RawJson): string {
  const text = toJsonText(base);
  const member = `${JSON.stringify(key)}:${value.text}`;
  return text === '{}' ? `{${member}}` : `${text.slice(0, -1)},${member}}`;
}
