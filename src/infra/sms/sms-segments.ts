/*
 * How many billable parts ("segments") a text message is, as the network splits it
 * (3GPP TS 23.038 alphabet, TS 23.040 concatenation):
 *   - GSM-7, when every character is in the GSM 03.38 default alphabet or its extension
 *     table: 160 septets in a single message, 153 per part of a longer one (a part's
 *     user-data header takes the rest). Extension characters (€ { } [ ] ~ ^ | \ and form
 *     feed) are sent as escape + character: 2 septets, never split across parts.
 *   - UCS-2 otherwise (Hebrew, emoji, …): 70 UTF-16 code units single, 67 per part; a
 *     character outside the BMP (most emoji) is a surrogate pair, 2 units, kept in one part.
 */

/** The default alphabet (127 characters; 0x1B is the escape to the extension table). */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅå\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039eÆæßÉ' +
    ' !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
    '¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** The extension table: each costs 2 septets. */
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentation {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  /** Billable parts; an empty message is still one. */
  segments: number;
}

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM7_BASIC.has(ch) && !GSM7_EXTENSION.has(ch)) return false;
  return true;
}

/** The encoding, size and segment count of a message body. */
export function smsSegmentation(body: string): SmsSegmentation {
  const encoding: SmsEncoding = isGsm7(body) ? 'GSM-7' : 'UCS-2';
  const widths = Array.from(body, (ch) => (encoding === 'GSM-7' ? (GSM7_EXTENSION.has(ch) ? 2 : 1) : ch.length));
  const units = widths.reduce((sum, w) => sum + w, 0);
  const { single, part } = LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > part) {
      segments++;
      used = 0;
    }
    used += width;
  }
  return { encoding, units, segments };
}

/** Billable segments of a message body. */
export function countSmsSegments(body: string): number {
  return smsSegmentation(body).segments;
}
