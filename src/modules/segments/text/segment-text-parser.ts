import { AUDIENCE_LIMITS, type AudienceNode, type AudienceRule, isAudienceGroup } from '../../customers/audience/audience-rule';
import type { ClauseContext } from './clause-rule';
import { ENGLISH_CLAUSES } from './english-clauses';
import { HEBREW_CLAUSES } from './hebrew-clauses';
import { localeOf, SEGMENT_TEXT_MESSAGES } from './segment-text-messages';

export interface SegmentTextOptions {
  /** "Birthday this month" reads the month of `now` (default: the current time) … */
  now?: Date;
  /** … in this IANA time zone (default Asia/Jerusalem): the business's. */
  timeZone?: string;
}

export type SegmentTextResult = { ok: true; rule: AudienceRule; matched: string[] } | { ok: false; message: string; unknown: string[] };

export const SEGMENT_TEXT_MAX_LENGTH = 500;

const CLAUSES = [...ENGLISH_CLAUSES, ...HEBREW_CLAUSES];

/** Words that say nothing about which customers: "show me all customers who", "הראה לי את כל הלקוחות ש". */
const FILLER = new RegExp(
  String.raw`^(?:(?:please|show|me|find|list|get|give|select|target|send|to|all|of|the|my|our|any|every|customers?|clients?|people|contacts?|those|anyone|everyone|everybody|users|who|that|which|whose|בבקשה|הראה|הראי|תראה|תראי|הצג|הציגי|הציגו|תציג|תציגי|מצא|מצאי|תמצא|תמצאי|חפש|לי|את|כל|ה?לקוחות|ה?לקוח|ה?לקוחה|ה?אנשים|אלה|אלו|מי|אשר|ש)(?![\p{L}\p{N}])\s*)+`,
  'iu',
);
/** Between clauses: a comma, and/or, וגם/או (a ו glued to the next clause is tried on its own). */
const CONNECTOR = /^\s*(?<comma>,\s*)?(?:(?<word>and|or|&|וגם|וכן|או)(?![\p{L}\p{N}])\s*)?/iu;

/** A connector before words not understood is not itself the problem. */
const LEADING_CONNECTOR = /^(?:and|or|&|וגם|וכן|או)\s+(?=\S)/i;

type Join = 'and' | 'or' | 'comma';
interface Clause {
  start: number;
  end: number;
  node: AudienceNode;
  /** How it joins the clause before it. */
  join: Join;
}

/** Quotes, dashes and spaces as the patterns expect them; Hebrew vowel points and direction marks dropped; no final full stop. */
export function normalizeSegmentText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\u05be\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u0591-\u05c7]/g, '')
    .replace(/[\u05f4\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u05f3\u2018\u2019\u201a`\u00b4]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.!?]+$/, '');
}

/**
 * Reads a description of customers, in Hebrew or English, as an audience
 * rule: each part of the text must be a known phrasing (see english-clauses.ts
 * and hebrew-clauses.ts), joined by "and"/ו/וגם, "or"/או, a comma (which
 * takes the next and/or in the sentence, else "and") or nothing ("and").
 * "And" binds tighter than "or": `A and B or C` is (A and B) or C. Any part
 * that is not understood fails the whole text, naming it: never a partial rule.
 */
export function parseSegmentText(text: string, options: SegmentTextOptions = {}): SegmentTextResult {
  const normalized = normalizeSegmentText(text);
  const locale = localeOf(normalized);
  if (normalized.length > SEGMENT_TEXT_MAX_LENGTH) {
    return { ok: false, message: SEGMENT_TEXT_MESSAGES.tooLong(locale, SEGMENT_TEXT_MAX_LENGTH), unknown: [] };
  }
  const context: ClauseContext = { now: options.now ?? new Date(), timeZone: options.timeZone ?? 'Asia/Jerusalem' };
  const { clauses, unknown } = new ClauseReader(normalized, context).read();
  const fillerOnly = FILLER.exec(normalized)?.[0].length === normalized.length;
  if (unknown.length > 0 && !fillerOnly) return { ok: false, message: SEGMENT_TEXT_MESSAGES.notUnderstood(locale, unknown), unknown };
  if (clauses.length === 0) return { ok: false, message: SEGMENT_TEXT_MESSAGES.empty(locale), unknown: [] };
  if (clauses.length > AUDIENCE_LIMITS.maxRulesPerGroup) {
    return { ok: false, message: SEGMENT_TEXT_MESSAGES.tooMany(locale, AUDIENCE_LIMITS.maxRulesPerGroup), unknown: [] };
  }
  return { ok: true, rule: toRule(clauses), matched: clauses.map((c) => normalized.slice(c.start, c.end)) };
}

/** Walks the text clause by clause; what no phrasing matches is collected, up to where understanding resumes. */
class ClauseReader {
  constructor(
    private readonly text: string,
    private readonly context: ClauseContext,
  ) {}

  read(): { clauses: Clause[]; unknown: string[] } {
    const clauses: Clause[] = [];
    const unknown: string[] = [];
    let pos = 0;
    let first = true;
    while (pos < this.text.length) {
      const next = first ? this.clauseAt(pos, 'and') : this.joinedClauseAt(pos);
      if (next) {
        clauses.push(next);
        pos = next.end;
        first = false;
        continue;
      }
      const stop = this.resumeAfter(pos);
      const part = this.text
        .slice(pos, stop)
        .replace(/^[\s,]+|[\s,]+$/g, '')
        .replace(LEADING_CONNECTOR, '');
      const filler = FILLER.exec(part)?.[0].length ?? 0;
      if (part) unknown.push(filler < part.length ? part.slice(filler) : part);
      pos = stop;
      first = false;
    }
    return { clauses, unknown };
  }

  /** The longest phrasing at `pos` (after filler words); a tie goes to the phrasing listed first. */
  private clauseAt(pos: number, join: Join): Clause | null {
    const start = pos + (FILLER.exec(this.text.slice(pos))?.[0].length ?? 0);
    const rest = this.text.slice(start);
    let best: { length: number; node: AudienceNode } | null = null;
    for (const { pattern, build } of CLAUSES) {
      const m = pattern.exec(rest);
      if (!m || m[0].length === 0 || (best && m[0].length <= best.length)) continue;
      const node = build(m.groups ?? {}, this.context);
      if (node) best = { length: m[0].length, node };
    }
    return best && { start, end: start + best.length, node: best.node, join };
  }

  /** A connector and the clause after it; no connector is "and"; a ו glued to a clause is "and" too. */
  private joinedClauseAt(pos: number): Clause | null {
    const m = CONNECTOR.exec(this.text.slice(pos))!;
    const word = m.groups?.word?.toLowerCase();
    const join: Join = word === 'or' || word === 'או' ? 'or' : word ? 'and' : m.groups?.comma ? 'comma' : 'and';
    const at = pos + m[0].length;
    if (at >= this.text.length) return null;
    const plain = this.clauseAt(at, join);
    const glued = !word && /^ו-?/.exec(this.text.slice(at));
    const afterVav = glued ? this.clauseAt(at + glued[0].length, m.groups?.comma ? 'comma' : 'and') : null;
    if (afterVav && (!plain || afterVav.end > plain.end)) return afterVav;
    return plain;
  }

  /** Where the text is understood again after `pos`: a comma or a word that starts a connector or a clause. */
  private resumeAfter(pos: number): number {
    for (let i = pos + 1; i < this.text.length; i++) {
      if (this.text[i] === ',') return i;
      if (!/\s/.test(this.text[i - 1]) || /\s/.test(this.text[i])) continue;
      if (/^(?:and|or|&|וגם|וכן|או)(?![\p{L}\p{N}])/iu.test(this.text.slice(i)) || this.joinedClauseAt(i)) return i;
    }
    return this.text.length;
  }
}

/** `and` binds tighter than `or`; a comma takes the next and/or after it. */
function toRule(clauses: Clause[]): AudienceRule {
  const joins = clauses.map((c, i) =>
    c.join === 'comma' ? (clauses.slice(i + 1).find((n) => n.join !== 'comma')?.join ?? 'and') : c.join,
  );
  const alternatives: AudienceNode[][] = [];
  clauses.forEach((c, i) => {
    if (i === 0 || joins[i] === 'or') alternatives.push([]);
    alternatives[alternatives.length - 1].push(c.node);
  });
  if (alternatives.length === 1) {
    const rules = flatten('all', alternatives[0]);
    return rules.length === 1 && isAudienceGroup(rules[0]) ? rules[0] : { match: 'all', rules };
  }
  return {
    match: 'any',
    rules: flatten(
      'any',
      alternatives.map((nodes) => (nodes.length === 1 ? nodes[0] : { match: 'all', rules: flatten('all', nodes) })),
    ),
  };
}

/** A group inside a group of the same kind adds nothing: its rules join the outer one. */
function flatten(match: 'all' | 'any', nodes: AudienceNode[]): AudienceNode[] {
  return nodes.flatMap((n) => (isAudienceGroup(n) && n.match === match ? n.rules : [n]));
}
