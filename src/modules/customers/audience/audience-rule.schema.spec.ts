import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AUDIENCE_LIMITS } from './audience-rule';
import { checkAudienceRule } from './audience-rule.schema';

const all = (...rules: unknown[]) => ({ match: 'all', rules });
const nest = (depth: number): unknown => (depth === 1 ? all({ field: 'visitCount', operator: '=', value: 1 }) : all(nest(depth - 1)));
const refusal = (input: unknown) => {
  const r = checkAudienceRule(input);
  assert.equal(r.ok, false, `expected ${JSON.stringify(input)} to be refused`);
  return r.ok ? { field: '', message: '' } : r.errors[0];
};

describe('audience rule schema', () => {
  it('accepts every kind of field with its operators', () => {
    const rule = all(
      { field: 'totalSpendAgorot', operator: '>', value: 50_000 },
      { field: 'tags', operator: 'in', value: ['VIP', 'לקוחה קבועה'] },
      { field: 'emailConsent', operator: '=', value: true },
      { field: 'daysSinceLastVisit', operator: 'exists', value: false },
      { field: 'createdAt', operator: '>=', value: '2026-01-01' },
      { field: 'birthdayMonth', operator: 'in', value: [3, 4] },
      { field: 'bookedService', operator: '=', value: '2b5d3f5e-7c1a-4d2b-9e8f-1a2b3c4d5e6f' },
      { field: 'language', operator: '=', value: 'he' },
      {
        match: 'any',
        rules: [
          { field: 'customField', key: 'עיר', operator: 'contains', value: 'תל' },
          { field: 'customField', key: 'age', operator: '>=', value: 30 },
        ],
      },
      { field: 'firstName', operator: 'exists' },
    );
    assert.deepEqual(checkAudienceRule(rule), { ok: true, rule });
  });

  it('names the path of what is wrong', () => {
    assert.deepEqual(refusal(all({ field: 'nope', operator: '=', value: 1 })).field, 'rule.rules.0.field');
    assert.match(refusal(all({ field: 'totalSpendAgorot', operator: 'contains', value: 1 })).message, /must be one of/);
    assert.equal(refusal(all({ field: 'totalSpendAgorot', operator: '>', value: 'x' })).field, 'rule.rules.0.value');
    assert.deepEqual(refusal(all({ field: 'visitCount', operator: '=' })), { field: 'rule.rules.0.value', message: 'is required' });
    assert.equal(refusal(all({ field: 'bookedService', operator: '=', value: 'abc' })).field, 'rule.rules.0.value');
    assert.equal(refusal(all({ field: 'createdAt', operator: '=', value: '2026-02-30' })).field, 'rule.rules.0.value');
    assert.match(refusal(all({ field: 'visitCount', operator: '=', value: 1, sql: 'x' })).message, /unknown property "sql"/);
    assert.equal(refusal(all()).field, 'rule.rules');
    assert.equal(refusal({ match: 'some', rules: [] }).field, 'rule.match');
    assert.equal(refusal('all').field, 'rule');
  });

  it('refuses field names and custom keys that are not in the catalogue, whatever they hold', () => {
    refusal(all({ field: 'first_name; DROP TABLE customers', operator: '=', value: 'x' }));
    refusal(all({ field: 'customField', key: "x' OR '1'='1", operator: 'exists' }));
    refusal(all({ field: 'customField', key: 'a->>b', operator: 'exists' }));
    refusal(all({ field: 'customField', operator: 'exists' }));
  });

  it(`nests groups at most ${AUDIENCE_LIMITS.maxDepth} deep`, () => {
    assert.equal(checkAudienceRule(nest(AUDIENCE_LIMITS.maxDepth)).ok, true);
    assert.match(refusal(nest(AUDIENCE_LIMITS.maxDepth + 1)).message, /nest at most 5 levels/);
  });

  it('bounds the size of lists, groups and the whole tree', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);
    refusal(all({ field: 'tags', operator: 'in', value: many(AUDIENCE_LIMITS.maxListItems + 1) }));
    refusal(all(...Array.from({ length: AUDIENCE_LIMITS.maxRulesPerGroup + 1 }, () => ({ field: 'visitCount', operator: '=', value: 1 }))));
    const group = () => all(...Array.from({ length: 20 }, () => ({ field: 'visitCount', operator: '=', value: 1 })));
    assert.match(refusal(all(group(), group(), group(), group(), group(), group())).message, /at most 100/);
    refusal(all({ field: 'firstName', operator: '=', value: 'x'.repeat(AUDIENCE_LIMITS.maxTextLength + 1) }));
  });
});
