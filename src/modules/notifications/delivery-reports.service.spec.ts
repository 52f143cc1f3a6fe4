import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { DomainEvents } from '../../common/domain-events/domain-events';
import { DeliveryReportsService } from './delivery-reports.service';
import type { MessageChange, MessageLogService } from './message-log.service';
import type { MessageRecord } from './message.types';
import { Channel, MessageStatus } from './notification.types';

const BUSINESS = '0b6f7d3e-2a51-4a8e-9a43-5b9a1a1c2d3e';
const ID = '5f0c9b1e-8d2a-4e57-b6a1-0e9c2b7d4f11';

/** The message log's compare-and-set, in memory; `interfere` runs once just before the next write (a concurrent change). */
class FakeLog {
  message: MessageRecord | null = null;
  interfere: (() => void) | null = null;

  async get(_businessId: string, id: string): Promise<MessageRecord | null> {
    return this.message?.id === id ? { ...this.message } : null;
  }

  async transition(_businessId: string, id: string, from: MessageStatus, change: MessageChange): Promise<MessageRecord | null> {
    const run = this.interfere;
    this.interfere = null;
    run?.();
    if (!this.message || this.message.id !== id || this.message.status !== from) return null;
    this.message = { ...this.message, ...change };
    return { ...this.message };
  }
}

const messageIn = (status: MessageStatus, attempts = 1) =>
  ({
    id: ID,
    businessId: BUSINESS,
    channel: Channel.sms,
    status,
    attempts,
    customerId: null,
    template: null,
    to: '+972501234567',
  }) as MessageRecord;

describe('delivery reports', () => {
  let log: FakeLog;
  let emitted: string[];
  let reports: DeliveryReportsService;
  beforeEach(() => {
    log = new FakeLog();
    emitted = [];
    reports = new DeliveryReportsService(
      log as unknown as MessageLogService,
      { emit: (name: string) => emitted.push(name) } as unknown as DomainEvents,
    );
  });

  const report = (
    outcome: MessageStatus.delivered | MessageStatus.read | MessageStatus.failed | MessageStatus.bounced | MessageStatus.suppressed,
    attempt: number | null = 1,
  ) =>
    reports.apply(BUSINESS, {
      messageId: ID,
      attempt,
      outcome,
      error: outcome === MessageStatus.delivered || outcome === MessageStatus.read ? undefined : 'why',
    });

  it('moves a message only forward: sending/sent → delivered → failed | bounced | suppressed', async () => {
    const cases: [MessageStatus, MessageStatus, 'changed' | 'unchanged'][] = [
      [MessageStatus.sent, MessageStatus.delivered, 'changed'],
      [MessageStatus.sending, MessageStatus.delivered, 'changed'],
      [MessageStatus.queued, MessageStatus.delivered, 'unchanged'],
      [MessageStatus.delivered, MessageStatus.delivered, 'unchanged'],
      [MessageStatus.bounced, MessageStatus.delivered, 'unchanged'],
      [MessageStatus.failed, MessageStatus.delivered, 'unchanged'],
      [MessageStatus.suppressed, MessageStatus.delivered, 'unchanged'],
      [MessageStatus.sent, MessageStatus.bounced, 'changed'],
      [MessageStatus.delivered, MessageStatus.bounced, 'changed'],
      [MessageStatus.delivered, MessageStatus.failed, 'changed'],
      [MessageStatus.bounced, MessageStatus.failed, 'unchanged'],
      [MessageStatus.failed, MessageStatus.bounced, 'unchanged'],
      [MessageStatus.bounced, MessageStatus.suppressed, 'unchanged'],
    ];
    for (const [from, outcome, expected] of cases) {
      log.message = messageIn(from);
      assert.equal(await report(outcome as never), expected, `${from} + ${outcome}`);
      assert.equal(log.message.status, expected === 'changed' ? outcome : from, `${from} + ${outcome}`);
    }
  });

  it('stamps the time and the reason, and emits one event per change', async () => {
    log.message = messageIn(MessageStatus.sent);
    await report(MessageStatus.delivered);
    await report(MessageStatus.delivered);
    assert.ok(log.message.deliveredAt instanceof Date);
    await report(MessageStatus.bounced);
    assert.equal(log.message.lastError, 'why');
    assert.ok(log.message.failedAt instanceof Date);
    assert.deepEqual(emitted, ['message.delivered', 'message.bounced']);
  });

  it('ignores a report about another attempt, and says when the message is unknown', async () => {
    log.message = messageIn(MessageStatus.sent, 2);
    assert.equal(await report(MessageStatus.delivered, 1), 'stale');
    assert.equal(log.message.status, MessageStatus.sent);
    assert.equal(await report(MessageStatus.delivered, null), 'changed');
    log.message = null;
    assert.equal(await report(MessageStatus.delivered), 'unknown');
    assert.deepEqual(emitted, ['message.delivered']);
  });

  it('puts read after delivered (WhatsApp): in order, out of order and repeated, it ends read', async () => {
    const cases: [MessageStatus, MessageStatus, 'changed' | 'unchanged'][] = [
      [MessageStatus.sent, MessageStatus.read, 'changed'],
      [MessageStatus.sending, MessageStatus.read, 'changed'],
      [MessageStatus.delivered, MessageStatus.read, 'changed'],
      [MessageStatus.read, MessageStatus.read, 'unchanged'],
      [MessageStatus.read, MessageStatus.delivered, 'unchanged'],
      [MessageStatus.read, MessageStatus.failed, 'unchanged'],
      [MessageStatus.failed, MessageStatus.read, 'unchanged'],
      [MessageStatus.queued, MessageStatus.read, 'unchanged'],
    ];
    for (const [from, outcome, expected] of cases) {
      log.message = messageIn(from);
      assert.equal(await report(outcome as never), expected, `${from} + ${outcome}`);
      assert.equal(log.message.status, expected === 'changed' ? outcome : from, `${from} + ${outcome}`);
    }
  });

  it('stamps readAt, and deliveredAt when read overtook delivered; the timeline gets one delivery either way', async () => {
    log.message = messageIn(MessageStatus.sent);
    await report(MessageStatus.read);
    assert.ok(log.message.readAt instanceof Date);
    assert.ok(log.message.deliveredAt instanceof Date, 'read implies delivered');
    await report(MessageStatus.delivered);
    assert.deepEqual(emitted, ['message.delivered']);

    emitted = [];
    log.message = messageIn(MessageStatus.sent);
    await report(MessageStatus.delivered);
    const deliveredAt = log.message.deliveredAt;
    await report(MessageStatus.read);
    assert.equal(log.message.deliveredAt, deliveredAt, 'the delivery time stays');
    assert.deepEqual(emitted, ['message.delivered']);
  });

  it('reads again when a concurrent change wins the compare-and-set', async () => {
    log.message = messageIn(MessageStatus.sending);
    // The sending job records `sent` between our read and our write.
    log.interfere = () => (log.message = { ...log.message!, status: MessageStatus.sent });
    assert.equal(await report(MessageStatus.delivered), 'changed');
    assert.equal(log.message.status, MessageStatus.delivered);
    // Another report wins: ours then has nothing left to do.
    log.message = messageIn(MessageStatus.sent);
    log.interfere = () => (log.message = { ...log.message!, status: MessageStatus.bounced });
    assert.equal(await report(MessageStatus.delivered), 'unchanged');
    assert.equal(log.message.status, MessageStatus.bounced);
  });
});
