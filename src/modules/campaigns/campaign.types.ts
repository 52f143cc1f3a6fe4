import { Channel } from '../notifications/notification.types';

/**
 * draft → scheduled → sending → sent, and cancelled from any of the first
 * three. `sent`: every recipient was written to the message log and queued
 * (delivery goes on and shows in the stats).
 */
export enum CampaignStatus {
  draft = 'draft',
  scheduled = 'scheduled',
  sending = 'sending',
  sent = 'sent',
  cancelled = 'cancelled',
}

/** The channels a campaign may use: the notifications channels (WhatsApp joins there, then here). */
export const CampaignChannel = Channel;
export type CampaignChannel = Channel;

/** What became of one recipient of a campaign. */
export enum RecipientStatus {
  /** Selected, its message not yet written. */
  pending = 'pending',
  /** In the message log, waiting for its send job. */
  queued = 'queued',
  sent = 'sent',
  delivered = 'delivered',
  failed = 'failed',
  bounced = 'bounced',
  /** No marketing consent on the channel (when selected, or withdrawn before its message left): nothing sent. */
  suppressed = 'suppressed',
  /** No address on the channel: nothing sent. */
  skipped = 'skipped',
  /** The campaign was cancelled before this message left. */
  cancelled = 'cancelled',
}

/** The statuses a recipient may move to a given one from (a late report never moves it back). */
export const RECIPIENT_PREDECESSORS: Record<RecipientStatus, RecipientStatus[]> = {
  [RecipientStatus.pending]: [],
  [RecipientStatus.queued]: [RecipientStatus.pending],
  // `cancelled` too: a message already on its way when the campaign was cancelled still left.
  [RecipientStatus.sent]: [RecipientStatus.pending, RecipientStatus.queued, RecipientStatus.cancelled],
  [RecipientStatus.delivered]: [RecipientStatus.pending, RecipientStatus.queued, RecipientStatus.sent, RecipientStatus.cancelled],
  [RecipientStatus.failed]: [RecipientStatus.pending, RecipientStatus.queued, RecipientStatus.sent, RecipientStatus.cancelled],
  [RecipientStatus.bounced]: [
    RecipientStatus.pending,
    RecipientStatus.queued,
    RecipientStatus.sent,
    RecipientStatus.delivered,
    RecipientStatus.cancelled,
  ],
  [RecipientStatus.suppressed]: [RecipientStatus.pending, RecipientStatus.queued],
  [RecipientStatus.skipped]: [RecipientStatus.pending],
  [RecipientStatus.cancelled]: [RecipientStatus.pending, RecipientStatus.queued],
};

/** The message key of one recipient's message: the same campaign and customer (or subscriber) is one message, however often sent. */
export const campaignMessageKey = (campaignId: string, customerId: string): string => `campaign:${campaignId}:${customerId}`;
export const campaignSubscriberMessageKey = (campaignId: string, subscriberId: string): string =>
  `campaign:${campaignId}:subscriber:${subscriberId}`;
