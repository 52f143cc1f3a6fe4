import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toScope, unknownVariables, variable, VariableKind } from './template-variables';

const declared = [variable('customer.firstName', VariableKind.text, '', 'נועה'), variable('price', VariableKind.agorot, '', 100)];

describe('template variables', () => {
  it('knows declared names, the objects that lead to them, and size/first/last of them', () => {
    assert.deepEqual(
      unknownVariables([['customer', 'firstName'], ['customer'], ['price'], ['customer', 'firstName', 'size']], declared),
      [],
    );
  });

  it('names what is not declared', () => {
    assert.deepEqual(unknownVariables([['customer', 'fullName'], ['customr'], ['price', 'amount'], ['customer', 'fullName']], declared), [
      'customer.fullName',
      'customr',
      'price.amount',
    ]);
  });

  it('builds a scope from nested objects and dotted names, later layers winning', () => {
    assert.deepEqual(toScope({ customer: { firstName: 'א', lastName: 'ב' } }, { 'customer.firstName': 'ג', price: 5 }), {
      customer: { firstName: 'ג', lastName: 'ב' },
      price: 5,
    });
  });

  it('drops keys that would reach a prototype', () => {
    const scope = toScope(JSON.parse('{"__proto__": {"polluted": 1}, "a": {"constructor": {"x": 1}, "ok": 1}, "__proto__.polluted": 2}'));
    assert.deepEqual(scope, { a: { ok: 1 } });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(scope), Object.prototype);
  });
});
