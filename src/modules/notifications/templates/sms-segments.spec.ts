import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countSmsSegments } from './sms-segments';

describe('countSmsSegments', () => {
  it('keeps plain Latin text in GSM-7: 160 in one part, then 153 per part', () => {
    assert.deepEqual(countSmsSegments('a'.repeat(160)), { encoding: 'GSM-7', characters: 160, segments: 1 });
    assert.deepEqual(countSmsSegments('a'.repeat(161)), { encoding: 'GSM-7', characters: 161, segments: 2 });
    assert.deepEqual(countSmsSegments('a'.repeat(306)), { encoding: 'GSM-7', characters: 306, segments: 2 });
    assert.deepEqual(countSmsSegments('a'.repeat(307)), { encoding: 'GSM-7', characters: 307, segments: 3 });
  });

  it('counts extension characters (€ [ ] { } ^ ~ | \\) as two septets and never splits one', () => {
    assert.deepEqual(countSmsSegments('€'.repeat(80)), { encoding: 'GSM-7', characters: 160, segments: 1 });
    assert.deepEqual(countSmsSegments('€'.repeat(81)), { encoding: 'GSM-7', characters: 162, segments: 2 });
    // 152 septets, then a two-septet character that does not fit in the 153rd place: it opens part 2.
    assert.equal(countSmsSegments(`${'a'.repeat(152)}€${'a'.repeat(9)}`).segments, 2);
    assert.equal(countSmsSegments(`${'a'.repeat(152)}€${'a'.repeat(153)}`).segments, 3);
  });

  it('sends Hebrew as UCS-2: 70 in one part, then 67 per part', () => {
    assert.deepEqual(countSmsSegments('ש'.repeat(70)), { encoding: 'UCS-2', characters: 70, segments: 1 });
    assert.deepEqual(countSmsSegments('ש'.repeat(71)), { encoding: 'UCS-2', characters: 71, segments: 2 });
    assert.deepEqual(countSmsSegments('ש'.repeat(134)), { encoding: 'UCS-2', characters: 134, segments: 2 });
    assert.deepEqual(countSmsSegments('ש'.repeat(135)), { encoding: 'UCS-2', characters: 135, segments: 3 });
  });

  it('turns a whole Latin text into UCS-2 for one character outside GSM (₪, an emoji)', () => {
    assert.deepEqual(countSmsSegments(`${'a'.repeat(69)}₪`), { encoding: 'UCS-2', characters: 70, segments: 1 });
    // An emoji is two UTF-16 units, kept in one part.
    assert.deepEqual(countSmsSegments(`${'a'.repeat(66)}😀`), { encoding: 'UCS-2', characters: 68, segments: 1 });
    assert.equal(countSmsSegments(`${'a'.repeat(66)}😀${'a'.repeat(3)}`).segments, 2);
    // Part 1 ends one unit short (66), so 134 units need three parts, not two.
    assert.equal(countSmsSegments(`${'a'.repeat(66)}😀${'a'.repeat(65)}`).segments, 2);
    assert.equal(countSmsSegments(`${'a'.repeat(66)}😀${'a'.repeat(66)}`).segments, 3);
  });

  it('gives 0 parts for an empty text', () => {
    assert.deepEqual(countSmsSegments(''), { encoding: 'GSM-7', characters: 0, segments: 0 });
  });
});
