import { Subscriber, SubscriberChannel, SubscriptionStatus } from './entities/subscriber.entity';

interface ChannelState {
  status: SubscriptionStatus | null;
  consentAt: Date | null;
  unsubscribedAt: Date | null;
}

export function channelState(sub: Subscriber, channel: SubscriberChannel): ChannelState {
  return channel === SubscriberChannel.email
    ? { status: sub.emailStatus, consentAt: sub.emailConsentAt, unsubscribedAt: sub.emailUnsubscribedAt }
    : { status: sub.smsStatus, consentAt: sub.smsConsentAt, unsubscribedAt: sub.smsUnsubscribedAt };
}

function write(sub: Subscriber, channel: SubscriberChannel, s: ChannelState): void {
  if (channel === SubscriberChannel.email) {
    sub.emailStatus = s.status;
    sub.emailConsentAt = s.consentAt;
    sub.emailUnsubscribedAt = s.unsubscribedAt;
  } else {
    sub.smsStatus = s.status;
    sub.smsConsentAt = s.consentAt;
    sub.smsUnsubscribedAt = s.unsubscribedAt;
  }
}

/**
 * Moves a channel to `status` and stamps the times consent law cares about:
 * subscribing records when consent took effect; unsubscribing records when
 * (the first time: repeating it changes nothing); `pending` means no valid
 * consent yet. Returns false when the status was already that.
 */
export function setChannelStatus(
  sub: Subscriber,
  channel: SubscriberChannel,
  status: SubscriptionStatus,
  now: Date,
  consentAt: Date = now,
): boolean {
  const current = channelState(sub, channel);
  if (current.status === status) return false;
  const next: ChannelState = { ...current, status };
  if (status === SubscriptionStatus.subscribed) {
    next.consentAt = consentAt;
    next.unsubscribedAt = null;
  } else if (status === SubscriptionStatus.unsubscribed) {
    next.unsubscribedAt = now;
  } else if (status === SubscriptionStatus.pending) {
    next.consentAt = null;
  }
  write(sub, channel, next);
  return true;
}

/** The channel's address went away: so does its state. */
export function clearChannel(sub: Subscriber, channel: SubscriberChannel): void {
  write(sub, channel, { status: null, consentAt: null, unsubscribedAt: null });
}
