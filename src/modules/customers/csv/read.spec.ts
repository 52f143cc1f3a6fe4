import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCsv, detectDelimiter, parseCsv } from './read';

describe('customer CSV: reading files', () => {
  it('accepts UTF-8 with or without BOM and refuses other encodings', () => {
    assert.equal(decodeCsv(Buffer.from('\uFEFFשם\n', 'utf8')).replace(/^\uFEFF/, ''), 'שם\n');
    assert.equal(decodeCsv(Buffer.from('שם\n', 'utf8')), 'שם\n');
    assert.throws(() => decodeCsv(Buffer.from([0xf9, 0xed, 0x0a])), /not UTF-8/);
  });

  it('detects comma, semicolon and tab separators from the header line', () => {
    assert.equal(detectDelimiter('שם,טלפון\n'), ',');
    assert.equal(detectDelimiter('שם;טלפון;"a,b"\n'), ';');
    assert.equal(detectDelimiter('שם\tטלפון\n'), '\t');
    assert.equal(detectDelimiter('שם\n'), ',');
  });

  it('numbers rows as a spreadsheet does and skips blank ones', () => {
    const table = parseCsv('\uFEFFשם,טלפון\r\nדנה,050\r\n,\r\n\r\n"מיכל\nכהן",052\r\n');
    assert.deepEqual(table.headers, ['שם', 'טלפון']);
    assert.deepEqual(table.rows, [
      { row: 2, cells: ['דנה', '050'] },
      { row: 5, cells: ['מיכל\nכהן', '052'] },
    ]);
  });
});
