import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Subscriber, SubscriberChannel, SubscriptionStatus } from './entities/subscriber.entity';
import { clearChannel, setChannelStatus } from './subscriber-status';

const t0 = new Date('2026-05-01T10:00:00Z');
const t1 = new Date('2026-05-02T10:00:00Z');
const t2 = new Date('2026-05-03T10:00:00Z');

function subscriber(): Subscriber {
  const s = { email: 'dana@example.co.il', phone: null } as Subscriber;
  clearChannel(s, SubscriberChannel.email);
  clearChannel(s, SubscriberChannel.sms);
  return s;
}

describe('setChannelStatus', () => {
  it('pending has no consent; subscribing records when consent took effect', () => {
    const s = subscriber();
    assert.equal(setChannelStatus(s, SubscriberChannel.email, SubscriptionStatus.pending, t0), true);
    assert.deepEqual([s.emailStatus, s.emailConsentAt], [SubscriptionStatus.pending, null]);
    assert.equal(setChannelStatus(s, SubscriberChannel.email, SubscriptionStatus.subscribed, t1), true);
    assert.deepEqual([s.emailStatus, s.emailConsentAt, s.emailUnsubscribedAt], [SubscriptionStatus.subscribed, t1, null]);
    assert.equal(s.smsStatus, null, 'the other channel is untouched');
  });

  it('unsubscribing is idempotent: the first refusal is the one recorded', () => {
    const s = subscriber();
    setChannelStatus(s, SubscriberChannel.email, SubscriptionStatus.subscribed, t0);
    assert.equal(setChannelStatus(s, SubscriberChannel.email, SubscriptionStatus.unsubscribed, t1), true);
    assert.equal(setChannelStatus(s, SubscriberChannel.email, SubscriptionStatus.unsubscribed, t2), false);
    assert.equal(s.emailUnsubscribedAt, t1);
    assert.equal(s.emailConsentAt, t0, 'the consent that was withdrawn stays on record');
  });

  it('subscribing again after a refusal clears the refusal and records the new consent', () => {
    const s = subscriber();
    setChannelStatus(s, SubscriberChannel.sms, SubscriptionStatus.unsubscribed, t0);
    setChannelStatus(s, SubscriberChannel.sms, SubscriptionStatus.subscribed, t2, t1);
    assert.deepEqual([s.smsStatus, s.smsConsentAt, s.smsUnsubscribedAt], [SubscriptionStatus.subscribed, t1, null]);
  });
});
