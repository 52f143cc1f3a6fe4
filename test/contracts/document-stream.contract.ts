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

  it('answers a ping', async () => {
    await assert.doesNotReject(() => ctx().store.ping());
  });
}
