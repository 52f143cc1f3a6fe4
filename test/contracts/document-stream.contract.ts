import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { DocumentStreamStore } from '../../src/infra/document-stream/document-stream.port';

/**
 * What every document-stream adapter must do. Each adapter's spec calls this
 * with a store and two business ids that exist.
 */
export function documentStreamContract(ctx: () => { store: DocumentStreamStore; businessA: string; businessB: string }): void {
  it('appends and reads back a document with Hebrew text intact', async () => {
    const { store, businessA } = ctx();
    const at = new Date('2026-11-21T10:00:00.000Z');
    const doc = await store.append('activity', businessA, at, {
      action: 'customer.create',
      summary: 'נוצר לקוח: ישראל ישראלי',
      count: 3,
      ok: true,
      none: null,
    });
    const found = await store.findOne('activity', businessA, doc.id);
    assert.ok(found);
    assert.equal(found.at.toISOString(), at.toISOString());
    assert.deepEqual(found.fields, { action: 'customer.create', summary: 'נוצר לקוח: ישראל ישראלי', count: 3, ok: true, none: null });
  });

  it('lists newest first with paging, equality filters and a time range', async () => {
    const { store, businessA } = ctx();
    for (let i = 0; i < 5; i++) {
      await store.append('messages', businessA, new Date(Date.UTC(2026, 0, 1 + i)), { channel: i % 2 ? 'sms' : 'email', n: i });
    }
    const all = await store.find('messages', businessA, { offset: 0, limit: 2 });
    assert.equal(all.total, 5);
    assert.deepEqual(
      all.items.map((d) => d.fields.n),
      [4, 3],
    );
    const page2 = await store.find('messages', businessA, { offset: 2, limit: 2 });
    assert.deepEqual(
      page2.items.map((d) => d.fields.n),
      [2, 1],
    );
    const sms = await store.find('messages', businessA, { match: { channel: 'sms' }, offset: 0, limit: 10 });
    assert.deepEqual(
      sms.items.map((d) => d.fields.n),
      [3, 1],
    );
    const ranged = await store.find('messages', businessA, {
      from: new Date(Date.UTC(2026, 0, 2)),
      to: new Date(Date.UTC(2026, 0, 4)),
      offset: 0,
      limit: 10,
    });
    assert.deepEqual(
      ranged.items.map((d) => d.fields.n),
      [3, 2, 1],
    );
  });

  it("never shows one business's documents to another, nor one stream's in another", async () => {
    const { store, businessA, businessB } = ctx();
    const doc = await store.append('analytics', businessA, new Date(), { event: 'page_view' });
    assert.equal(await store.findOne('analytics', businessB, doc.id), null);
    assert.equal(await store.findOne('activity', businessA, doc.id), null);
    assert.equal((await store.find('analytics', businessB, { offset: 0, limit: 10 })).total, 0);
    assert.equal(await store.findOne('analytics', businessA, 'not-an-id'), null);
  });

  it('updates a document only when its fields still match (compare-and-set), within its business', async () => {
    const { store, businessA, businessB } = ctx();
    const doc = await store.append('messages', businessA, new Date(), { status: 'queued', attempts: 0, to: 'דנה@example.co.il' });
    const won = await store.update('messages', businessA, doc.id, { set: { status: 'sending', attempts: 1 } }, { status: 'queued' });
    assert.deepEqual(won?.fields, { status: 'sending', attempts: 1, to: 'דנה@example.co.il' });
    assert.equal(
      await store.update('messages', businessA, doc.id, { set: { status: 'sending', attempts: 2 } }, { status: 'queued' }),
      null,
    );
    assert.equal(await store.update('messages', businessB, doc.id, { set: { status: 'sent' } }), null);
    assert.equal(await store.update('activity', businessA, doc.id, { set: { status: 'sent' } }), null);
    const racing = await Promise.all(
      Array.from({ length: 10 }, () => store.update('messages', businessA, doc.id, { set: { status: 'sent' } }, { status: 'sending' })),
    );
    assert.equal(racing.filter((r) => r !== null).length, 1);
    assert.equal((await store.findOne('messages', businessA, doc.id))?.fields.status, 'sent');
    assert.equal((await store.findOne('messages', businessA, doc.id))?.at.getTime(), doc.at.getTime());
  });

  it('updates against one of several values and adds to numeric fields, in one write', async () => {
    const { store, businessA } = ctx();
    const doc = await store.append('messages', businessA, new Date(), { status: 'sending', to: 'נועה@example.co.il' });
    const take = () =>
      store.update(
        'messages',
        businessA,
        doc.id,
        { set: { status: 'sending' }, increment: { attempts: 1 } },
        { status: ['queued', 'sending'] },
      );
    assert.deepEqual((await take())?.fields, { status: 'sending', attempts: 1, to: 'נועה@example.co.il' });
    assert.equal((await take())?.fields.attempts, 2);
    assert.equal(await store.update('messages', businessA, doc.id, { set: { status: 'x' } }, { missing: ['a', 'b'] }), null);
    await store.update('messages', businessA, doc.id, { set: { status: 'sent' } });
    assert.equal(await take(), null);
    const racing = await Promise.all(
      Array.from({ length: 10 }, () =>
        store.update(
          'messages',
          businessA,
          doc.id,
          { set: { status: 'delivered' }, increment: { reports: 1 } },
          { status: ['sent', 'queued'] },
        ),
      ),
    );
    assert.equal(racing.filter((r) => r !== null).length, 1);
    assert.deepEqual((await store.findOne('messages', businessA, doc.id))?.fields, {
      status: 'delivered',
      attempts: 2,
      reports: 1,
      to: 'נועה@example.co.il',
    });
  });

  it('appends under a chosen id once, whatever the number of concurrent attempts', async () => {
    const { store, businessA } = ctx();
    const id = randomUUID();
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.appendOnce('messages', businessA, id, new Date(), { status: 'queued', attempt: i })),
    );
    assert.equal(attempts.filter((a) => a.created).length, 1);
    assert.ok(attempts.every((a) => a.document.id === id));
    assert.equal(
      (await store.find('messages', businessA, { match: { status: 'queued' }, offset: 0, limit: 50 })).items.filter((d) => d.id === id)
        .length,
      1,
    );
  });

  it('tallies documents per local day or month and field value, in [from, to), within its business and stream', async () => {
    const { store, businessA, businessB } = ctx();
    const put = (at: string, fields: Record<string, string | null>, business = businessA, stream: 'messages' | 'activity' = 'messages') =>
      store.append(stream, business, new Date(at), fields);
    // Asia/Jerusalem is UTC+2 in November 2026: 21:30Z on Oct 31 is 23:30 local that day, 22:30Z is 00:30 on Nov 1.
    await put('2026-10-31T21:30:00Z', { status: 'sent' });
    await put('2026-10-31T22:30:00Z', { status: 'sent' });
    await put('2026-11-01T10:00:00Z', { status: 'failed' });
    await put('2026-11-01T11:00:00Z', { status: 'sent' });
    await put('2026-11-02T11:00:00Z', {});
    await put('2026-11-03T00:00:00Z', { status: 'sent' }); // at `to`: left out
    await put('2026-11-01T11:00:00Z', { status: 'sent' }, businessB);
    await put('2026-11-01T11:00:00Z', { status: 'sent' }, businessA, 'activity');
    const period = { from: new Date('2026-10-31T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z'), timeZone: 'Asia/Jerusalem' };
    const sorted = (rows: { bucket: string; value: string | null; count: number }[]) =>
      [...rows].sort((a, b) => a.bucket.localeCompare(b.bucket) || String(a.value).localeCompare(String(b.value)));
    assert.deepEqual(sorted(await store.tally('messages', businessA, { ...period, granularity: 'day' }, 'status')), [
      { bucket: '2026-10-31', value: 'sent', count: 1 },
      { bucket: '2026-11-01', value: 'failed', count: 1 },
      { bucket: '2026-11-01', value: 'sent', count: 2 },
      { bucket: '2026-11-02', value: null, count: 1 },
    ]);
    assert.deepEqual(sorted(await store.tally('messages', businessA, { ...period, granularity: 'month' }, 'status')), [
      { bucket: '2026-10-01', value: 'sent', count: 1 },
      { bucket: '2026-11-01', value: 'failed', count: 1 },
      { bucket: '2026-11-01', value: null, count: 1 },
      { bucket: '2026-11-01', value: 'sent', count: 2 },
    ]);
    await assert.rejects(() => store.tally('messages', businessA, { ...period, granularity: 'day' }, 'status; DROP TABLE x'));
  });

  it('answers a ping', async () => {
    await assert.doesNotReject(() => ctx().store.ping());
  });
}
