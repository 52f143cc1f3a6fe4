import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedRow } from './csv/row';
import { ExistingCustomer, planChunk } from './customer-import.plan';

const now = new Date('2026-11-21T10:00:00Z');
const row = (n: number, data: ParsedRow['data'], errors: ParsedRow['errors'] = []): ParsedRow => ({ row: n, data, errors });

function existing(over: Partial<ExistingCustomer>): ExistingCustomer {
  return {
    id: 'c1',
    firstName: 'דנה',
    lastName: 'כהן',
    email: null,
    phone: null,
    tags: [],
    notes: null,
    address: null,
    birthday: null,
    language: 'he',
    source: 'manual',
    emailConsent: false,
    emailConsentAt: null,
    emailConsentSource: null,
    smsConsent: false,
    smsConsentAt: null,
    smsConsentSource: null,
    customFields: {},
    ...over,
  };
}

describe('import plan', () => {
  it('creates new customers and merges duplicates inside the file', () => {
    const plan = planChunk(
      [
        row(2, { firstName: 'דנה', phone: '+972501234567', tags: ['VIP'] }),
        row(3, { firstName: 'דנה', phone: '+972501234567', tags: ['VIP'] }),
        row(4, { phone: '+972501234567', email: 'dana@example.co.il' }),
      ],
      [],
      now,
    );
    assert.deepEqual([plan.created, plan.updated, plan.skipped, plan.failed], [1, 1, 1, 0]);
    assert.equal(plan.inserts.length, 1);
    assert.equal(plan.inserts[0].email, 'dana@example.co.il');
    assert.equal(plan.inserts[0].source, 'import');
    assert.equal(plan.inserts[0].searchText, 'דנה dana@example.co.il 972501234567 0501234567');
    assert.deepEqual(plan.updates, []);
  });

  it('upserts by phone first, then email, and only writes what changed', () => {
    const byPhone = existing({ id: 'p', phone: '+972501234567', tags: ['old'] });
    const byEmail = existing({ id: 'e', firstName: 'יוסי', email: 'yossi@example.co.il' });
    const plan = planChunk(
      [
        row(2, { phone: '+972501234567', tags: ['new'], smsConsent: true }),
        row(3, { email: 'yossi@example.co.il', lastName: 'לוי' }),
        row(4, { email: 'yossi@example.co.il', lastName: 'לוי' }),
      ],
      [byPhone, byEmail],
      now,
    );
    assert.deepEqual([plan.created, plan.updated, plan.skipped, plan.failed], [0, 2, 1, 0]);
    assert.deepEqual(plan.updates, [
      { id: 'p', changes: { tags: ['old', 'new'], smsConsent: true, smsConsentAt: now, smsConsentSource: 'import' } },
      { id: 'e', changes: { lastName: 'לוי', searchText: 'יוסי לוי yossi@example.co.il' } },
    ]);
  });

  it('refuses a row whose phone and email belong to two customers, and a new customer without a name', () => {
    const plan = planChunk(
      [
        row(2, { phone: '+972501234567', email: 'yossi@example.co.il' }),
        row(3, { phone: '+972529999999' }),
        row(4, {}, [{ field: 'phone', message: 'bad' }]),
      ],
      [existing({ id: 'p', phone: '+972501234567' }), existing({ id: 'e', email: 'yossi@example.co.il' })],
      now,
    );
    assert.deepEqual([plan.created, plan.updated, plan.skipped, plan.failed], [0, 0, 0, 3]);
    assert.deepEqual(plan.errors, [
      { row: 2, field: 'email', message: 'email belongs to a different customer than the phone' },
      { row: 3, field: 'firstName', message: 'firstName is required for a new customer' },
      { row: 4, field: 'phone', message: 'bad' },
    ]);
    assert.deepEqual([plan.inserts, plan.updates], [[], []]);
  });
});
