import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { autoField, resolveColumns } from './csv/columns';
import { EXPORT_COLUMNS, exportHeader } from './csv/export';
import { parseRow } from './csv/row';
import { CUSTOMER_FIELDS, FIELD_ENTRIES, type CustomerField } from './customer-fields';
import { newCustomerRow } from './customer-row';
import { CreateCustomerDto } from './dto/create-customer.dto';
import { NewCustomerDto } from './dto/new-customer.dto';

const VALID = { firstName: 'דנה', phone: '050-1234567' };

/** What the JSON API says about one field of a customer body (no messages: accepted). */
async function jsonMessages(dto: typeof CreateCustomerDto | typeof NewCustomerDto, field: string, value: unknown): Promise<string[]> {
  const errors = await validate(plainToInstance(dto as ClassConstructor<object>, { ...VALID, [field]: value }));
  const error = errors.find((e) => e.property === field);
  return [...Object.values(error?.constraints ?? {}), ...(error?.children ?? []).flatMap((c) => Object.values(c.constraints ?? {}))];
}

/** What the CSV import says about the same value in the field's own column. */
function csvMessages(field: string, value: string): string[] {
  const label = new Map(FIELD_ENTRIES).get(field as CustomerField)!.export!.he;
  const [headers, cells] =
    field === 'firstName'
      ? [
          [label, 'טלפון'],
          [value, VALID.phone],
        ]
      : [
          ['שם פרטי', 'טלפון', label],
          [VALID.firstName, VALID.phone, value],
        ];
  const { fields, problems } = resolveColumns(headers, {});
  assert.deepEqual(problems, []);
  return parseRow(2, cells, fields)
    .errors.filter((e) => e.field === field)
    .map((e) => e.message);
}

describe('the customer field table', () => {
  it('sets the same length limit, with the same message, for JSON bodies and CSV rows', async () => {
    const limited = ['firstName', 'lastName', 'notes', 'address', 'source'] as const;
    for (const field of limited) {
      const max = CUSTOMER_FIELDS[field].maxLength;
      assert.deepEqual(await jsonMessages(CreateCustomerDto, field, 'א'.repeat(max)), [], `${field} at the limit (JSON)`);
      assert.deepEqual(csvMessages(field, 'א'.repeat(max)), [], `${field} at the limit (CSV)`);
      const message = `${field} must be shorter than or equal to ${max} characters`;
      assert.deepEqual(await jsonMessages(CreateCustomerDto, field, 'א'.repeat(max + 1)), [message], `${field} over the limit (JSON)`);
      assert.deepEqual(csvMessages(field, 'א'.repeat(max + 1)), [message], `${field} over the limit (CSV)`);
    }
    const name = 'א'.repeat(CUSTOMER_FIELDS.firstName.maxLength + 1);
    assert.deepEqual(await jsonMessages(NewCustomerDto, 'firstName', name), await jsonMessages(CreateCustomerDto, 'firstName', name));
  });

  it('refuses the same names, birthdays, tags and custom fields in JSON and CSV, in the same words', async () => {
    const cases: [string, unknown, string][] = [
      ['firstName', 'R2-D2', 'R2-D2'],
      ['birthday', '2999-01-01', '2999-01-01'],
      [
        'tags',
        Array.from({ length: CUSTOMER_FIELDS.tags.maxItems + 1 }, (_, i) => `t${i}`),
        Array.from({ length: CUSTOMER_FIELDS.tags.maxItems + 1 }, (_, i) => `t${i}`).join(','),
      ],
      ['tags', ['x'.repeat(CUSTOMER_FIELDS.tags.maxLength + 1)], 'x'.repeat(CUSTOMER_FIELDS.tags.maxLength + 1)],
      [
        'customFields',
        { size: 'x'.repeat(CUSTOMER_FIELDS.customFields.maxLength + 1) },
        JSON.stringify({ size: 'x'.repeat(CUSTOMER_FIELDS.customFields.maxLength + 1) }),
      ],
      ['customFields', { 'bad/key': 1 }, '{"bad/key":1}'],
      ['language', 'fr', 'français'],
    ];
    for (const [field, json, csv] of cases) {
      const fromJson = await jsonMessages(CreateCustomerDto, field, json);
      assert.equal(fromJson.length, 1, `${field}: ${fromJson.join('; ')}`);
      assert.deepEqual(csvMessages(field, csv), fromJson, field);
    }
  });

  it('gives the export its columns, in table order, and the import recognises every label and spelling', () => {
    const exported = FIELD_ENTRIES.filter(([, f]) => f.export).map(([name]) => name);
    assert.deepEqual(
      EXPORT_COLUMNS.map((c) => c.key),
      exported,
    );
    assert.equal(exportHeader('en'), `\uFEFF${EXPORT_COLUMNS.map((c) => c.en).join(',')}\r\n`);
    for (const [name, field] of FIELD_ENTRIES) {
      for (const header of field.headers ?? []) assert.equal(autoField(header), name, header);
      if (field.export) assert.equal(autoField(field.export.en), field.kind === 'readOnly' ? 'ignore' : name, field.export.en);
    }
  });

  it('fills a new customer from the table defaults', () => {
    const now = new Date('2026-11-21T10:00:00Z');
    assert.deepEqual(newCustomerRow({ firstName: 'דנה', lastName: ' ', phone: '+972501234567' }, now), {
      firstName: 'דנה',
      lastName: null,
      email: null,
      phone: '+972501234567',
      tags: [],
      notes: null,
      address: null,
      birthday: null,
      language: CUSTOMER_FIELDS.language.default,
      source: CUSTOMER_FIELDS.source.default,
      customFields: {},
      emailConsent: false,
      emailConsentAt: null,
      emailConsentSource: null,
      smsConsent: false,
      smsConsentAt: null,
      smsConsentSource: null,
      searchText: 'דנה 972501234567 0501234567',
    });
    const consented = newCustomerRow({ firstName: 'דנה', email: 'd@x.il', marketingConsent: { sms: { granted: true } } }, now);
    assert.deepEqual([consented.smsConsent, consented.smsConsentAt, consented.smsConsentSource], [true, now, 'manual']);
  });
});
