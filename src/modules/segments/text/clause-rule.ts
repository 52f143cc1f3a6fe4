import type {
  AudienceCondition,
  AudienceField,
  AudienceNode,
  AudienceOperator,
  AudienceValue,
} from '../../customers/audience/audience-rule';
import { durationDays, WB } from './segment-text-lexicon';

/** What a clause needs beyond its words: "this month" is the month of `now` in the business's time zone. */
export interface ClauseContext {
  now: Date;
  timeZone: string;
}

export type Groups = Record<string, string | undefined>;

/** The condition(s) a match means, or null when its values do not hold (a fraction of a day, a number too large). */
export type ClauseBuild = (groups: Groups, context: ClauseContext) => AudienceNode | null;

/** One phrasing: a pattern matched at the start of the rest of the text, ending at a word end. */
export interface ClauseRule {
  pattern: RegExp;
  build: ClauseBuild;
}

/**
 * One rule per tail: any of the heads (which hold no groups) followed by the
 * tail (which names what the build reads), case-insensitive.
 */
export function phrasings(heads: string[], tails: string[], build: ClauseBuild): ClauseRule[] {
  return tails.map((tail) => ({ pattern: new RegExp(`^(?:${heads.join('|')})${tail}${WB}`, 'iu'), build }));
}

export const condition = (field: AudienceField, operator: AudienceOperator, value?: AudienceValue): AudienceCondition =>
  value === undefined ? { field, operator } : { field, operator, value };

/** `field operator <days>`, from the `dur` group; null when it is no whole number of days. */
export const daysCondition = (field: AudienceField, operator: AudienceOperator, duration: string | undefined): AudienceCondition | null => {
  const days = duration === undefined ? null : durationDays(duration);
  return days === null ? null : condition(field, operator, days);
};

/** Several conditions from one clause ("email and SMS"): one group, or the condition alone. */
export function grouped(match: 'all' | 'any', nodes: AudienceNode[]): AudienceNode {
  return nodes.length === 1 ? nodes[0] : { match, rules: nodes };
}

export type Channel = 'emailConsent' | 'smsConsent';

/** Consent on the channels named (deduplicated): all of them, or any for "or"; a refusal is on every channel named. */
export function consent(channels: Channel[], given: boolean, or: boolean): AudienceNode {
  const unique = [...new Set(channels)];
  return grouped(
    given && or ? 'any' : 'all',
    unique.map((field) => condition(field, '=', given)),
  );
}
