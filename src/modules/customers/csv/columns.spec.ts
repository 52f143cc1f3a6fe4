import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { autoField, headerKey, resolveColumns } from './columns';
import { EXPORT_COLUMNS } from './export';

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
