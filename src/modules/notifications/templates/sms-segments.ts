/** The two encodings an SMS travels in: GSM 03.38 (7-bit) when every character has a code there, else UCS-2. */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Length in the encoding's units: septets for GSM-7 (an extension character counts 2), UTF-16 code units for UCS-2. */
  characters: number;
  /** Billable parts: GSM-7 160 in one part, 153 per part when split; UCS-2 (Hebrew) 70, 67 per part. 0 for an empty text. */
  segments: number;
}

/** GSM 03.38 basic character set (without the escape code itself). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** Characters of the GSM extension table: sent as escape + code, two septets. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

/**
 * Units of each character that may not be split between parts: an extension
 * character's two septets, a surrogate pair's two code units. Phones do not
 * split them, so a part can hold one unit less than its limit.
 */
function units(text: string): { encoding: SmsEncoding; sizes: number[] } {
  const chars = [...text];
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c))) {
    return { encoding: 'GSM-7', sizes: chars.map((c) => (GSM_EXTENSION.has(c) ? 2 : 1)) };
  }
  return { encoding: 'UCS-2', sizes: chars.map((c) => c.length) };
}

/** How an SMS text is encoded and how many billable parts it takes. */
export function countSmsSegments(text: string): SmsSegments {
  const { encoding, sizes } = units(text);
  const characters = sizes.reduce((n, s) => n + s, 0);
  const limit = LIMITS[encoding];
  if (characters === 0) return { encoding, characters, segments: 0 };
  if (characters <= limit.single) return { encoding, characters, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > limit.part) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { encoding, characters, segments };
}
