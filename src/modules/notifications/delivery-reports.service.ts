import { Injectable } from '@nestjs/common';
import type { MessageEventPayload } from '../../common/domain-events/domain-event.map';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { type MessageChange, MessageLogService } from './message-log.service';
import type { MessageRecord } from './message.types';
import { MessageStatus } from './notification.types';

/** What a provider can report of a message it took. */
export type DeliveryOutcome =
  MessageStatus.delivered | MessageStatus.read | MessageStatus.failed | MessageStatus.bounced | MessageStatus.suppressed;

export interface DeliveryReport {
  messageId: string;
  /** The sending attempt the report is about (from the reference sent with it); null when the provider did not say. */
  attempt: number | null;
  outcome: DeliveryOutcome;
  /** Why, for the failures: stored as the message's `lastError`. */
  error?: string;
  at?: Date;
}

/**
 * `changed`: the message moved; `unchanged`: it is already there or further
 * on; `stale`: the report is about an earlier attempt; `unknown`: no such message.
 */
export type DeliveryReportResult = 'changed' | 'unchanged' | 'stale' | 'unknown';

/**
 * The statuses each outcome may move a message from. Reports only move a
 * message forward (sending / sent → delivered → read, or → failed | bounced |
 * suppressed), so they may arrive in any order and any number of times: a
 * `delivered` after a bounce or after `read`, or a repeated report, changes
 * nothing (a `read` that overtakes its `delivered` also stamps deliveredAt). A
 * report may come before the sending job recorded `sent` (the provider was
 * quick), hence `sending`; a queued message is not with any provider.
 */
const MOVES_FROM: Record<DeliveryOutcome, ReadonlySet<MessageStatus>> = {
  [MessageStatus.delivered]: new Set([MessageStatus.sending, MessageStatus.sent]),
  [MessageStatus.read]: new Set([MessageStatus.sending, MessageStatus.sent, MessageStatus.delivered]),
  [MessageStatus.failed]: new Set([MessageStatus.sending, MessageStatus.sent, MessageStatus.delivered]),
  [MessageStatus.bounced]: new Set([MessageStatus.sending, MessageStatus.sent, MessageStatus.delivered]),
  [MessageStatus.suppressed]: new Set([MessageStatus.sending, MessageStatus.sent, MessageStatus.delivered]),
};

/** A concurrent change (the sending job, another report) makes the compare-and-set miss; this many reads settle it. */
const ROUNDS = 4;

/**
 * Applies providers' delivery reports (Twilio status callbacks, SendGrid
 * events) to the message log by compare-and-set, and emits `message.delivered`,
 * `message.failed`, `message.bounced` or `message.suppressed` once per change
 * (the customer's timeline shows them).
 */
@Injectable()
export class DeliveryReportsService {
  constructor(
    private readonly log: MessageLogService,
    private readonly events: DomainEvents,
  ) {}

  async apply(businessId: string, report: DeliveryReport): Promise<DeliveryReportResult> {
    for (let round = 0; round < ROUNDS; round++) {
      const current = await this.log.get(businessId, report.messageId);
      if (!current) return 'unknown';
      if (report.attempt !== null && report.attempt !== current.attempts) return 'stale';
      if (!MOVES_FROM[report.outcome].has(current.status)) return 'unchanged';
      const moved = await this.log.transition(businessId, current.id, current.status, changeFor(report, current));
      if (moved) {
        this.emit(moved, report, current.status === MessageStatus.delivered);
        return 'changed';
      }
    }
    return 'unchanged';
  }

  private emit(m: MessageRecord, report: DeliveryReport, wasDelivered: boolean): void {
    const payload: MessageEventPayload = {
      businessId: m.businessId,
      messageId: m.id,
      customerId: m.customerId,
      channel: m.channel,
      template: m.template,
      to: m.to,
    };
    const error = report.error ?? report.outcome;
    switch (report.outcome) {
      case MessageStatus.delivered:
        return this.events.emit('message.delivered', payload);
      case MessageStatus.read:
        // Read implies delivered: the timeline shows a delivery once, whichever report came first.
        if (!wasDelivered) this.events.emit('message.delivered', payload);
        return;
      case MessageStatus.failed:
        return this.events.emit('message.failed', { ...payload, error });
      case MessageStatus.bounced:
        return this.events.emit('message.bounced', { ...payload, error });
      case MessageStatus.suppressed:
        return this.events.emit('message.suppressed', { ...payload, error });
    }
  }
}

function changeFor(report: DeliveryReport, current: MessageRecord): MessageChange {
  const at = report.at ?? new Date();
  if (report.outcome === MessageStatus.delivered) return { status: report.outcome, deliveredAt: at };
  if (report.outcome === MessageStatus.read) return { status: report.outcome, readAt: at, deliveredAt: current.deliveredAt ?? at };
  return { status: report.outcome, failedAt: at, lastError: (report.error ?? report.outcome).slice(0, 500) };
}
