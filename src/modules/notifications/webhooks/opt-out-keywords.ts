/**
 * Replies that refuse further marketing SMS: Twilio's standard opt-out
 * keywords (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, and the newer
 * OPTOUT and REVOKE) and the Hebrew ones Israeli senders announce ("להסרה השב
 * הסר"). A refusal is a legal request, so matching errs towards it.
 */
export const OPT_OUT_KEYWORDS: ReadonlySet<string> = new Set([
  'stop',
  'stopall',
  'unsubscribe',
  'cancel',
  'end',
  'quit',
  'optout',
  'revoke',
  'הסר',
  'הסרה',
]);

/** Direction marks phones put around Hebrew or Latin text (LRM, RLM, embeddings, isolates), and the BOM. */
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Punctuation around the word ("STOP.", "הסר!", quotes, Hebrew geresh and gershayim). */
const AROUND = /^[\s.,;:!?"'`׳״()[\]-]+|[\s.,;:!?"'`׳״()[\]-]+$/g;

/** Whether an SMS body is an opt-out keyword: the whole message, trimmed, case-insensitive. */
export function isOptOutReply(body: string): boolean {
  const word = body.normalize('NFC').replace(INVISIBLE, '').replace(AROUND, '').toLowerCase();
  return OPT_OUT_KEYWORDS.has(word);
}
