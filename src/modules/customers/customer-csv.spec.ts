import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  autoField,
  cellText,
  decodeCsv,
  detectDelimiter,
  EXPORT_COLUMNS,
  exportCell,
  headerKey,
  parseBirthday,
  parseCsv,
  parseRow,
  resolveColumns,
} from './customer-csv';
import { buildSearchText, likeContains, searchTerms } from './customer-search';

describe('customer CSV: headers', () => {
  it('recognises Hebrew and English spellings of each field', () => {
    const cases: Record<string, string> = {
      'שם פרטי': 'firstName',
      'First Name': 'firstName',
      first_name: 'firstName',
      'שם משפחה': 'lastName',
      Surname: 'lastName',
      שם: 'fullName',
      'שם מלא': 'fullName',
      Name: 'fullName',
      'דוא"ל': 'email',
      'דוא״ל': 'email',
      'E-mail': 'email',
      אימייל: 'email',
      נייד: 'phone',
      'טלפון נייד': 'phone',
      Mobile: 'phone',
      תגיות: 'tags',
      הערות: 'notes',
      'תאריך לידה': 'birthday',
      'Date of birth': 'birthday',
      'הסכמה לדיוור במייל': 'emailConsent',
      'SMS consent': 'smsConsent',
      'שדות נוספים': 'customFields',
      מזהה: 'ignore',
      'סך רכישות (₪)': 'ignore',
    };
    for (const [header, field] of Object.entries(cases)) assert.equal(autoField(header), field, header);
    assert.equal(autoField('צבע אהוב'), null);
  });

  it('maps every export header (both languages) back to its field', () => {
    for (const col of EXPORT_COLUMNS) {
      assert.equal(autoField(col.he), col.field, col.he);
      assert.equal(autoField(col.en), col.field, col.en);
    }
  });

  it('folds BOM, case, spaces and punctuation', () => {
    assert.equal(headerKey('\uFEFF  E-Mail '), 'email');
    assert.equal(headerKey('דוא"ל'), 'דואל');
  });

  it('lets an explicit mapping win and reports its mistakes by path', () => {
    const resolved = resolveColumns(['שם הלקוחה', 'נייד', 'מידה', 'עיר'], { 'שם הלקוחה': 'fullName', מידה: 'custom.מידה' });
    assert.deepEqual(resolved.fields, ['fullName', 'phone', 'custom.מידה', null]);
    assert.deepEqual(resolved.unknown, ['עיר']);
    assert.deepEqual(resolved.problems, []);

    const bad = resolveColumns(['שם', 'טלפון'], { שם: 'nickname', חסר: 'phone' });
    assert.deepEqual(
      bad.problems.map((p) => p.field),
      ['mapping.שם', 'mapping.חסר'],
    );
  });

  it('needs a name column and a phone or email column, each field fed once', () => {
    assert.deepEqual(resolveColumns(['עיר'], {}).problems.length, 2);
    const twice = resolveColumns(['טלפון', 'נייד', 'שם'], {});
    assert.equal(twice.problems.length, 1);
    assert.match(twice.problems[0].message, /both map to phone/);
    assert.deepEqual(resolveColumns(['טלפון', 'נייד', 'שם'], { נייד: 'ignore' }).problems, []);
  });
});

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
