import type { AudienceField } from '../../customers/audience/audience-rule';
import { type Channel, type ClauseRule, condition, consent, daysCondition, type Groups, phrasings } from './clause-rule';
import { birthdayCondition, moneyCondition, visitCountCondition } from './clause-values';
import {
  EN_COMPARATOR,
  EN_COUNT,
  EN_DURATION,
  EN_MONTH,
  EN_MORE,
  EN_SUFFIX,
  comparatorOf,
  enMoney,
  TAG,
  tagValue,
} from './segment-text-lexicon';

/** "haven't", "hasn't", "didn't", "have not", "not". */
const NOT = String.raw`(?:(?:have|has|did|do|does)(?:n't|nt|\s+not)|not)`;

/** How long it has not happened: "for 6 months", "in over 90 days", "for the last year". */
const SINCE = String.raw`\s+(?:(?:for|in|within|during|over)\s+)?(?:(?<cmp>${EN_MORE})\s+)?(?:the\s+(?:last|past)\s+)?(?<dur>${EN_DURATION})(?:\s+or\s+(?:more|longer))?`;
/** When it last happened: "in the last 30 days", "within the past 2 weeks". */
const RECENT = String.raw`\s+(?:in|within|during|over|from)\s+(?:the\s+)?(?:last|past|previous)\s+(?<dur>${EN_DURATION})`;

const since = (field: AudienceField, heads: string[]) =>
  phrasings(heads, [SINCE], (g) => daysCondition(field, comparatorOf(g.cmp, undefined, '>='), g.dur));
const recent = (field: AudienceField, heads: string[]) => phrasings(heads, [RECENT], (g) => daysCondition(field, '<=', g.dur));

const MONEY_TAILS = [
  String.raw`\s+(?<cmp>${EN_COMPARATOR})\s*${enMoney('amount')}`,
  String.raw`\s+${enMoney('amount')}\s*(?<suf>${EN_SUFFIX})`,
  String.raw`\s+between\s+${enMoney('low')}\s+and\s+${enMoney('high')}`,
];

const CHANNEL = String.raw`(?:marketing\s+)?(?:e-?mails?|newsletters?|mailing\s+list|sms(?:\s+messages?)?|texts?(?:\s+messages?)?)(?:\s+marketing)?`;
const CHANNELS = String.raw`(?:(?:by|via)\s+)?(?<ch>${CHANNEL})(?:\s+(?<conj>and|or)\s+(?:(?:to|by|via)\s+)?(?<ch2>${CHANNEL}))?`;
const channelsOf = (g: Groups): Channel[] =>
  [g.ch, g.ch2].filter((c): c is string => !!c).map((c) => (/sms|text/i.test(c) ? 'smsConsent' : 'emailConsent'));
const consentTo = (given: boolean) => (g: Groups) => consent(channelsOf(g), given, /^or$/i.test(g.conj ?? ''));

const LANGUAGE = '(?<lang>hebrew|english)';
const language = (g: Groups) => condition('language', '=', /^hebrew$/i.test(g.lang ?? '') ? 'he' : 'en');

const tagged = (g: Groups) => condition('tags', 'contains', tagValue(g.tag ?? ''));
const notTagged = (g: Groups) => condition('tags', 'not in', [tagValue(g.tag ?? '')]);

/** The English phrasings, each with the condition it means. */
export const ENGLISH_CLAUSES: ClauseRule[] = [
  ...since('daysSinceLastActivity', [
    String.raw`(?:(?:have|has)\s+been\s+|(?:are|is|were|was|been)\s+)?(?:inactive|not\s+active|idle|dormant)`,
    String.raw`(?:(?:with|having)\s+)?(?:no|zero)\s+activity`,
    String.raw`${NOT}\s+been\s+active`,
  ]),
  ...since('daysSinceLastVisit', [
    String.raw`${NOT}\s+(?:visited(?:\s+us)?|been\s+(?:in|back|here)|come\s+(?:in|back)|returned)`,
    String.raw`(?:(?:with|having)\s+)?no\s+visits?`,
  ]),
  ...since('daysSinceLastPayment', [
    String.raw`${NOT}\s+(?:paid|made\s+(?:a|any)\s+payments?)`,
    String.raw`(?:(?:with|having)\s+)?no\s+payments?`,
  ]),
  ...recent('daysSinceLastVisit', [
    String.raw`(?:(?:have|has)\s+)?(?:visited(?:\s+us)?|come\s+in|came\s+in|been\s+in)`,
    String.raw`(?:(?:with|having)\s+)?(?:a\s+)?visits?`,
  ]),
  ...recent('daysSinceLastActivity', [
    String.raw`(?:(?:have|has)\s+been\s+|(?:are|is|were|was)\s+)?active`,
    String.raw`(?:(?:with|having)\s+)?(?:any\s+|some\s+)?activity`,
  ]),
  ...recent('daysSinceLastPayment', [
    String.raw`(?:(?:have|has)\s+)?(?:paid|made\s+(?:a\s+)?payments?)`,
    String.raw`(?:(?:with|having)\s+)?(?:a\s+)?payments?`,
  ]),
  ...recent('daysSinceCreated', [
    String.raw`(?:(?:have|has)\s+)?(?:joined|signed\s+up|registered)`,
    String.raw`(?:(?:were|was|been)\s+)?(?:added|created)`,
    String.raw`became\s+(?:a\s+)?customers?`,
    String.raw`new(?:\s+(?:customers|clients|contacts))?`,
  ]),
  ...phrasings(
    [String.raw`(?:(?:have|has)\s+)?(?:joined|signed\s+up|registered|became\s+(?:a\s+)?customers?)`],
    [String.raw`\s+(?<cmp>${EN_MORE})\s+(?<dur>${EN_DURATION})\s+ago`],
    (g) => daysCondition('daysSinceCreated', comparatorOf(g.cmp, undefined, '>='), g.dur),
  ),
  ...phrasings(
    [
      String.raw`(?:(?:have|has)\s+)?(?:spent|spend|spending|purchased|bought|paid(?:\s+us)?)(?:\s+(?:a\s+total\s+of|in\s+total|overall|total))?`,
      String.raw`(?:(?:with|having|whose)\s+)?(?:a\s+)?(?:total\s+|lifetime\s+)?(?:spend|spending|purchases)(?:\s+(?:of|is|are|was))?`,
    ],
    MONEY_TAILS,
    moneyCondition,
  ),
  ...phrasings(
    [String.raw`(?:(?:have|has)\s+)?(?:visited(?:\s+us)?|come\s+in|came\s+in|been\s+in)(?:\s+(?:a\s+total\s+of|in\s+total))?`],
    [String.raw`\s+(?:(?<cmp>${EN_COMPARATOR})\s+)?(?:(?<n>${EN_COUNT})\s+times?|(?<w>once|twice))(?:\s+(?<suf>${EN_SUFFIX}))?`],
    (g) => visitCountCondition(g, g.w ? (/once/i.test(g.w) ? '1' : '2') : g.n),
  ),
  ...phrasings(
    [String.raw`(?:(?:with|having|had|(?:have|has)\s+had)\s+)?`],
    [
      String.raw`(?:(?<cmp>${EN_COMPARATOR})\s+)?(?<n>${EN_COUNT})(?:\s*(?<suf>or\s+more|or\s+fewer|or\s+less|\+))?\s+visits?(?:\s+(?<suf2>${EN_SUFFIX}))?`,
    ],
    (g) => visitCountCondition({ ...g, suf: g.suf ?? g.suf2 }, g.n),
  ),
  ...phrasings(
    [
      String.raw`(?:(?:have|has)\s+)?never\s+(?:visited(?:\s+us)?|been\s+in|come\s+in|came\s+in)(?:\s+(?:before|yet))?`,
      String.raw`(?:(?:with|having)\s+)?(?:no|zero)\s+visits(?:\s+(?:at\s+all|yet|ever))?`,
      String.raw`without\s+(?:any\s+)?visits`,
      String.raw`${NOT}\s+(?:yet\s+)?visited(?:\s+us)?\s+(?:yet|at\s+all|ever)`,
    ],
    [''],
    () => condition('visitCount', '=', 0),
  ),
  ...phrasings(
    [
      String.raw`(?:(?:are|is)\s+)?tagged(?:\s+(?:as|with))?(?:\s+(?:the\s+)?tag)?`,
      String.raw`(?:with|having|have|has)\s+(?:the\s+|a\s+)?tag`,
    ],
    [String.raw`\s+${TAG}`],
    tagged,
  ),
  ...phrasings([String.raw`(?:with|having|have|has)\s+(?:the\s+|an?\s+)?`], [String.raw`${TAG}\s+tag`], tagged),
  ...phrasings(
    [
      String.raw`(?:(?:are|is)\s+)?(?:not\s+|un)tagged(?:\s+(?:as|with))?(?:\s+(?:the\s+)?tag)?`,
      String.raw`(?:without|${NOT}\s+have)\s+(?:the\s+|a\s+)?tag`,
    ],
    [String.raw`\s+${TAG}`],
    notTagged,
  ),
  ...phrasings([String.raw`(?:without|${NOT}\s+have)\s+(?:the\s+|an?\s+)?`], [String.raw`${TAG}\s+tag`], notTagged),
  ...phrasings(
    [
      String.raw`(?:(?:are|is)\s+)?(?:subscribed|signed\s+up|opted[\s-]*in)\s+(?:to|for)\s+(?:the\s+|our\s+)?`,
      String.raw`(?:(?:have|has)\s+)?(?:agreed|consented)\s+to\s+(?:(?:receive|receiving|get|getting)\s+)?(?:our\s+)?`,
      String.raw`(?:(?:with|having|gave)\s+)?(?:marketing\s+)?consent\s+(?:to|for)\s+(?:(?:receive|receiving)\s+)?`,
    ],
    [CHANNELS],
    consentTo(true),
  ),
  ...phrasings(
    [
      String.raw`(?:(?:are|is)\s+)?(?:not\s+subscribed|unsubscribed)\s+(?:to|from|for)\s+(?:the\s+|our\s+)?`,
      String.raw`(?:(?:have|has)\s+)?opted[\s-]*out\s+(?:of|from)\s+(?:the\s+|our\s+)?`,
      String.raw`${NOT}\s+(?:agreed|consented)\s+to\s+(?:(?:receive|receiving|get|getting)\s+)?`,
      String.raw`without\s+(?:marketing\s+)?consent\s+(?:to|for)\s+(?:(?:receive|receiving)\s+)?`,
    ],
    [CHANNELS],
    consentTo(false),
  ),
  ...phrasings([''], [String.raw`${CHANNELS}\s+(?:subscribers|opt[\s-]*ins)`], consentTo(true)),
  ...phrasings([String.raw`(?:with|having)\s+`], [String.raw`${CHANNELS}\s+(?:marketing\s+)?consent`], consentTo(true)),
  ...phrasings([String.raw`without\s+`], [String.raw`${CHANNELS}\s+(?:marketing\s+)?consent`], consentTo(false)),
  ...phrasings(
    [
      String.raw`(?:(?:with|having|have|has)\s+(?:a\s+|their\s+)?)?birthdays?(?:\s+(?:is|are|falls?|comes?))?`,
      String.raw`(?:(?:were|was)\s+)?born`,
      String.raw`(?:celebrating|celebrate|celebrates)\s+(?:a\s+|their\s+)?birthdays?`,
    ],
    [
      String.raw`\s+in\s+(?<months>${EN_MONTH}(?:\s*(?:,|or)\s*(?:in\s+)?${EN_MONTH})*)`,
      String.raw`\s+(?:in\s+)?(?<rel>this|next|last)\s+month`,
    ],
    (g, context) => birthdayCondition(g.months, g.rel ? { this: 0, next: 1, last: -1 }[g.rel.toLowerCase()] : undefined, context),
  ),
  ...phrasings([''], [String.raw`${LANGUAGE}[\s-]+speak(?:ers|ing)(?:\s+(?:customers|clients|people|contacts))?`], language),
  ...phrasings(
    [
      String.raw`(?:speaks?|speaking|prefers?|preferring)\s+`,
      String.raw`(?:(?:whose|with(?:\s+an?)?|having(?:\s+an?)?)\s+)?(?:preferred\s+)?language(?:\s+(?:is|of|set\s+to))?\s+`,
    ],
    [LANGUAGE],
    language,
  ),
];
