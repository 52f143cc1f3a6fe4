import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOptOutReply } from './opt-out-keywords';

describe('opt-out replies', () => {
  it('takes the keywords trimmed, in any case, with punctuation and direction marks around them', () => {
    for (const body of [
      'STOP',
      'stop',
      ' Stop ',
      'STOPALL',
      'unsubscribe',
      'CANCEL',
      'End',
      'quit',
      'הסר',
      ' הסר ',
      'הסרה',
      'הסר.',
      '"הסר"',
      '\u200fהסר\u200f',
      'STOP!',
      '\nSTOP\n',
    ]) {
      assert.equal(isOptOutReply(body), true, JSON.stringify(body));
    }
  });

  it('leaves other messages alone, including ones that only mention a keyword', () => {
    for (const body of ['', 'תודה', 'STOP sending me this', 'אל תסירו אותי', 'stopp', 'הסרת', 'please stop', 'ST OP']) {
      assert.equal(isOptOutReply(body), false, JSON.stringify(body));
    }
  });
});
