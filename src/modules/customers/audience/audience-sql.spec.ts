import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AUDIENCE_FIELD_KINDS, AUDIENCE_KIND_OPERATORS } from './audience-fields';
import type { AudienceCondition, AudienceField, AudienceOperator, AudienceRule } from './audience-rule';
import { checkAudienceRule } from './audience-rule.schema';
import { audienceCondition, SqlParams } from './audience-sql';

const HOSTILE = "x'); DROP TABLE customers; --";
const UUID = '2b5d3f5e-7c1a-4d2b-9e8f-1a2b3c4d5e6f';

/** A valid value of each kind for each operator, text values made hostile. */
function valueFor(field: AudienceField, op: AudienceOperator): unknown {
  const kind = AUDIENCE_FIELD_KINDS[field];
  if (op === 'exists') return false;
  const one = {
    text: HOSTILE,
    tags: HOSTILE,
    language: 'en',
    boolean: true,
    integer: 5,
    days: 30,
    date: '2026-03-01',
    month: 3,
    id: UUID,
    custom: HOSTILE,
  }[kind];
  if (op === 'in' || op === 'not in') return [one];
  if (kind === 'custom' && ['>', '>=', '<', '<='].includes(op)) return 7;
  return one;
}

describe('audience rule compilation', () => {
  const conditions: AudienceCondition[] = Object.entries(AUDIENCE_KIND_OPERATORS).flatMap(([kind, ops]) =>
    (Object.keys(AUDIENCE_FIELD_KINDS) as AudienceField[])
      .filter((f) => AUDIENCE_FIELD_KINDS[f] === kind)
      .flatMap((field) =>
        ops.map(
          (operator) =>
            ({ field, operator, value: valueFor(field, operator), ...(kind === 'custom' ? { key: 'עיר' } : {}) }) as AudienceCondition,
        ),
      ),
  );

  it('covers every field with every operator it takes, each a valid rule', () => {
    assert.ok(conditions.length > 80);
    for (const cond of conditions) assert.equal(checkAudienceRule({ match: 'all', rules: [cond] }).ok, true, JSON.stringify(cond));
  });

  it('puts every value and custom key in a parameter, never in the SQL text, and uses every parameter', () => {
    for (const cond of conditions) {
      const params = new SqlParams();
      const sql = audienceCondition(
        { match: 'all', rules: [cond] } as AudienceRule,
        { now: new Date('2026-11-28T10:00:00Z'), timeZone: 'Asia/Jerusalem' },
        params,
      );
      assert.ok(!sql.includes('DROP') && !sql.includes('עיר') && !sql.includes(UUID), `${JSON.stringify(cond)} → ${sql}`);
      for (let i = 1; i <= params.values.length; i++) assert.ok(new RegExp(`\\$${i}(?!\\d)`).test(sql), `$${i} unused in ${sql}`);
    }
  });

  it('turns day counts into time bounds from now, and calendar dates into the business midnight', () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const p = new SqlParams();
    const sql = audienceCondition(
      {
        match: 'any',
        rules: [
          { field: 'daysSinceLastVisit', operator: '>=', value: 180 },
          { field: 'createdAt', operator: '=', value: '2026-03-01' },
        ],
      },
      { now, timeZone: 'Asia/Jerusalem' },
      p,
    );
    assert.equal(sql, '(c.last_visit_at <= $1 OR (c.created_at >= $2 AND c.created_at < $3))');
    assert.deepEqual(p.values, [new Date('2026-06-01T10:00:00Z'), new Date('2026-02-28T22:00:00Z'), new Date('2026-03-01T22:00:00Z')]);
  });
});
