/** Hebrew points and cantillation (niqqud): ignored by search on both sides. */
const HEBREW_MARKS = /[\u0591-\u05C7]/g;

/** Lower-cased, niqqud-free, single-spaced text: how names and queries are compared. */
export function foldText(value: string): string {
  return value.normalize('NFC').replace(HEBREW_MARKS, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The text `q` searches: names, email, and the phone both as international
 * digits (972501234567) and as dialled in Israel (0501234567), so "050-12",
 * "+97250" and "כה" all find a customer by substring.
 */
export function buildSearchText(c: { firstName: string; lastName?: string | null; email?: string | null; phone?: string | null }): string {
  const parts = [c.firstName, c.lastName ?? '', c.email ?? ''];
  if (c.phone) {
    const digits = c.phone.replace(/\D/g, '');
    parts.push(digits);
    if (digits.startsWith('972')) parts.push(`0${digits.slice(3)}`);
  }
  return foldText(parts.filter(Boolean).join(' '));
}

/**
 * Splits a query into the substrings every match must contain. Phone-looking
 * input ("050-123", "+972 50") becomes its digits; other input its folded words.
 */
export function searchTerms(q: string): string[] {
  const trimmed = q.trim();
  if (/^\+?[\d\s().-]+$/.test(trimmed) && /\d/.test(trimmed)) return [trimmed.replace(/\D/g, '')];
  return foldText(trimmed).split(' ').filter(Boolean);
}

/** Escapes LIKE wildcards so user input matches literally. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
