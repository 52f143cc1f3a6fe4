import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveColumns } from './columns';
import { exportCell } from '../../../common/text/csv-cell';
import { cellText, parseBirthday, parseRow } from './row';

describe('customer CSV: rows', () => {
  const fields = resolveColumns(['שם', 'נייד', 'אימייל', 'תגיות', 'תאריך לידה', 'שפה', 'הסכמה ל-SMS', 'שדות נוספים', 'הערות'], {}).fields;

  it('parses a full row, normalizing phone, email, date and consent', () => {
    const parsed = parseRow(
      2,
      ['דנה בת-שבע כהן', '050-123-4567', ' Dana@Example.CO.IL ', 'VIP; יוגה |VIP', '12/04/1990', 'עברית', 'כן', '{"מידה":38}', "'=1+1"],
      fields,
    );
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.data, {
      firstName: 'דנה',
      lastName: 'בת-שבע כהן',
      phone: '+972501234567',
      email: 'dana@example.co.il',
      tags: ['VIP', 'יוגה'],
      birthday: '1990-04-12',
      language: 'he',
      smsConsent: true,
      customFields: { מידה: 38 },
      notes: '=1+1',
    });
  });

  it('collects every field error of a row and writes nothing from it', () => {
    const parsed = parseRow(7, ['123', '12345', 'no-at-sign', '', '31/02/1990', 'français', 'אולי', '[1]', ''], fields);
    assert.deepEqual(parsed.data, {});
    assert.deepEqual(
      parsed.errors.map((e) => e.field),
      ['phone', 'email', 'birthday', 'language', 'smsConsent', 'customFields', 'fullName'],
    );
  });

  it('requires a phone or an email', () => {
    assert.deepEqual(parseRow(3, ['דנה'], fields).errors, [{ field: 'phone', message: 'phone or email is required' }]);
  });

  it('reads dates day first and refuses impossible or future ones', () => {
    assert.equal(parseBirthday('1990-04-12'), '1990-04-12');
    assert.equal(parseBirthday('1.2.1985'), '1985-02-01');
    assert.equal(parseBirthday('2001-02-29'), null);
    assert.equal(parseBirthday('01/01/2999'), null);
  });

  it('escapes formula-like cells on export and unescapes them on import', () => {
    for (const text of ['=SUM(A1)', '+972', '-מינוס', '@בית', 'רגיל']) assert.equal(cellText(exportCell(text)), text);
    assert.equal(exportCell('=1'), "'=1");
    assert.equal(cellText("'quoted"), "'quoted", 'a quote before ordinary text is kept');
  });
});
