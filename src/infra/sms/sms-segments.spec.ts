import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGsm7, smsSegmentation } from './sms-segments';

const a = (n: number) => 'a'.repeat(n);
const hebrew = (n: number) => 'שלום '.repeat(Math.ceil(n / 5)).slice(0, n);
const EMOJI = '😀';

/** [case, body, encoding, units, segments] */
const CASES: [string, string, 'GSM-7' | 'UCS-2', number, number][] = [
  ['empty', '', 'GSM-7', 0, 1],
  ['GSM 160: one message', a(160), 'GSM-7', 160, 1],
  ['GSM 161: two parts', a(161), 'GSM-7', 161, 2],
  ['GSM 306 = 2 × 153', a(306), 'GSM-7', 306, 2],
  ['GSM 307', a(307), 'GSM-7', 307, 3],
  ['GSM 459 = 3 × 153', a(459), 'GSM-7', 459, 3],
  ['GSM 460', a(460), 'GSM-7', 460, 4],
  ['accented letters of the basic table', 'Çà é ù ì ò ÄÖÑÜ äöñü ß Å¥£§¿¡ ΔΦΓΛΩΠΨΣΘΞ', 'GSM-7', 40, 1],
  ['newlines are basic', a(4) + '\r\n' + a(154), 'GSM-7', 160, 1],
  ['158 + € = 160 septets', a(158) + '€', 'GSM-7', 160, 1],
  ['159 + € = 161 septets', a(159) + '€', 'GSM-7', 161, 2],
  ['80 € = 160 septets', '€'.repeat(80), 'GSM-7', 160, 1],
  ['81 €', '€'.repeat(81), 'GSM-7', 162, 2],
  ['an escape pair is never split: 152 + € + 152', a(152) + '€' + a(152), 'GSM-7', 306, 3],
  ['Hebrew 70: one message', hebrew(70), 'UCS-2', 70, 1],
  ['Hebrew 71: two parts', hebrew(71), 'UCS-2', 71, 2],
  ['Hebrew 134 = 2 × 67', hebrew(134), 'UCS-2', 134, 2],
  ['Hebrew 135', hebrew(135), 'UCS-2', 135, 3],
  ['one Hebrew letter makes it all UCS-2', a(69) + 'ש', 'UCS-2', 70, 1],
  ['…and 71 units is two parts', a(70) + 'ש', 'UCS-2', 71, 2],
  ['an emoji is 2 units: 35 of them fit', EMOJI.repeat(35), 'UCS-2', 70, 1],
  ['36 emoji', EMOJI.repeat(36), 'UCS-2', 72, 2],
  ['69 + emoji = 71 units', a(69) + EMOJI, 'UCS-2', 71, 2],
  ['a surrogate pair is never split: 66 + emoji + 66', a(66) + EMOJI + a(66), 'UCS-2', 134, 3],
  ['a tab is not GSM', 'a\tb', 'UCS-2', 3, 1],
  ['á is not GSM', 'Mañana á las 10', 'UCS-2', 15, 1],
];

describe('SMS segments', () => {
  for (const [name, body, encoding, units, segments] of CASES) {
    it(name, () => assert.deepEqual(smsSegmentation(body), { encoding, units, segments }));
  }

  it('counts every extension character as 2 septets', () => {
    for (const ch of ['€', '{', '}', '[', ']', '~', '^', '|', '\\', '\f']) {
      assert.deepEqual(smsSegmentation(a(158) + ch), { encoding: 'GSM-7', units: 160, segments: 1 }, JSON.stringify(ch));
      assert.deepEqual(smsSegmentation(a(159) + ch), { encoding: 'GSM-7', units: 161, segments: 2 }, JSON.stringify(ch));
    }
  });

  it('knows the GSM alphabet: printable ASCII but ` and the accents outside it', () => {
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    assert.deepEqual(
      printable.filter((ch) => !isGsm7(ch)),
      ['`'],
    );
    assert.equal(isGsm7('$@_'), true);
    assert.equal(isGsm7('ç'), false, 'only the capital Ç is in the table');
  });
});
