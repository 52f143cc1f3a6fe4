import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestHash } from './canonical-hash';

describe('requestHash', () => {
  it('ignores key order and undefined members but not values or scope', () => {
    const a = requestHash('s', { b: 1, a: { y: [1, 2], x: 'שלום' }, c: undefined });
    assert.equal(a, requestHash('s', { a: { x: 'שלום', y: [1, 2] }, b: 1 }));
    assert.notEqual(a, requestHash('s', { a: { x: 'שלום', y: [2, 1] }, b: 1 }));
    assert.notEqual(a, requestHash('t', { a: { x: 'שלום', y: [1, 2] }, b: 1 }));
  });
});
