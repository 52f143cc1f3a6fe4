import type { AudienceNode } from '../../customers/audience/audience-rule';
import { type ClauseContext, condition, type Groups } from './clause-rule';
import { comparatorOf, monthOf, monthsIn, parseAgorot, parseCount } from './segment-text-lexicon';

/**
 * Conditions both languages build the same way from what a phrasing matched:
 * `cmp` (a comparator before the number) and `suf` (one after it).
 */

/** totalSpendAgorot: `amount` with its comparator, or `low`–`high` inclusive. */
export function moneyCondition(g: Groups): AudienceNode | null {
  if (g.low !== undefined && g.high !== undefined) {
    const [low, high] = [parseAgorot(g.low), parseAgorot(g.high)];
    if (low === null || high === null || low > high) return null;
    return { match: 'all', rules: [condition('totalSpendAgorot', '>=', low), condition('totalSpendAgorot', '<=', high)] };
  }
  const agorot = parseAgorot(g.amount ?? '');
  return agorot === null ? null : condition('totalSpendAgorot', comparatorOf(g.cmp, g.suf, '='), agorot);
}

/** visitCount: `count` visits with the comparator (exactly, when there is none). */
export function visitCountCondition(g: Groups, count: string | undefined): AudienceNode | null {
  const n = count === undefined ? null : parseCount(count);
  return n === null ? null : condition('visitCount', comparatorOf(g.cmp, g.suf, '='), n);
}

/** birthdayMonth: the months named, or the month `offset` months from now in the business's time zone. */
export function birthdayCondition(months: string | undefined, offset: number | undefined, context: ClauseContext): AudienceNode | null {
  if (offset !== undefined) return condition('birthdayMonth', '=', monthOf(context.now, context.timeZone, offset));
  const named = monthsIn(months ?? '');
  if (named.length === 0) return null;
  return named.length === 1 ? condition('birthdayMonth', '=', named[0]) : condition('birthdayMonth', 'in', named);
}
