import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSearchText, likeContains, searchTerms } from './customer-search';

describe('customer search text', () => {
  it('holds names, email and both phone spellings, folded', () => {
    assert.equal(
      buildSearchText({ firstName: 'דָּנָה', lastName: 'Cohen', email: 'D@X.IL', phone: '+972501234567' }),
      'דנה cohen d@x.il 972501234567 0501234567',
    );
  });

  it('turns phone-like queries into digits and others into folded words', () => {
    assert.deepEqual(searchTerms(' 050-12 '), ['05012']);
    assert.deepEqual(searchTerms('+972 (50)'), ['97250']);
    assert.deepEqual(searchTerms('  כהן   דָּנָה '), ['כהן', 'דנה']);
    assert.equal(likeContains('50%_\\'), '%50\\%\\_\\\\%');
  });
});
