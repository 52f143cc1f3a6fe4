import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DomainEventActor } from '../../common/domain-events/domain-event.map';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import type { BookingRules } from '../booking-settings/booking-settings.defaults';
import { CustomersService, type MatchOrCreateInput } from '../customers/customers.service';
import type { BookableService } from '../catalog/entities/bookable-service.entity';
import { toEventPayload } from './appointment.mapper';
import { AppointmentSource, AppointmentStatus, allowedFrom, nextStatus } from './appointment-status';
import { AppointmentConflictException, InvalidTransitionException } from './appointments.exception';
import { AppointmentsRepository, RetryableBookingError, SlotTakenError } from './appointments.repository';
import type { Appointment } from './entities/appointment.entity';
import { IdempotencyService, IdempotentRequest, StoredAnswer } from '../idempotency/idempotency.service';
import { ReminderScheduler } from './reminders/reminder.scheduler';

const MINUTE = 60_000;
/** Should PostgreSQL still break a lock cycle (e.g. a transition racing a booking), the loser retries and then meets the winner's row. */
const ATTEMPTS = 4;

/** A known customer, or contact details to match or create one by (only if the booking commits). */
export type BookingCustomer = { id: string } | { matchOrCreate: MatchOrCreateInput };

export interface BookingDraft {
  service: BookableService;
  calendarId: string;
  customer: BookingCustomer;
  startsAt: Date;
  status: AppointmentStatus;
  source: AppointmentSource;
  notes: string | null;
  priceAgorot?: number;
}

export interface TimeRangeOf {
  startsAt: Date;
  endsAt: Date;
  blockedFrom: Date;
  blockedTo: Date;
}

export interface Placed<T> {
  body: T;
  /** The appointment, unless this answer is a replay of an earlier request with the same Idempotency-Key. */
  appointment: Appointment | null;
}

/** The appointment's own range and the range it blocks on its calendar (buffers included). */
export function rangeFor(
  service: Pick<BookableService, 'durationMinutes' | 'bufferBeforeMinutes' | 'bufferAfterMinutes'>,
  startsAt: Date,
): TimeRangeOf {
  const endsAt = new Date(startsAt.getTime() + service.durationMinutes * MINUTE);
  return {
    startsAt,
    endsAt,
    blockedFrom: new Date(startsAt.getTime() - service.bufferBeforeMinutes * MINUTE),
    blockedTo: new Date(endsAt.getTime() + service.bufferAfterMinutes * MINUTE),
  };
}

/**
 * Writes appointment times. PostgreSQL's exclusion constraint is the guarantee
 * against double booking; the overlap query before the insert only produces a
 * friendlier 409 (naming the time that is taken) in the common case.
 */
@Injectable()
export class BookingService {
  private readonly logger = new Logger('Booking');

  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly reminders: ReminderScheduler,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
    private readonly customers: CustomersService,
  ) {}

  /**
   * Books, in one transaction with the Idempotency-Key claim (a concurrent
   * duplicate waits for this one and replays its answer). After commit:
   * reminders are scheduled and `appointment.booked` is emitted.
   */
  async place<T>(
    businessId: string,
    draft: BookingDraft,
    opts: { rules: BookingRules; idempotency?: IdempotentRequest; by?: DomainEventActor | null; present: (a: Appointment) => T },
  ): Promise<Placed<T | unknown>> {
    const times = rangeFor(draft.service, draft.startsAt);
    const id = randomUUID();
    if (!opts.idempotency) {
      // Cheap early answer for the common conflict, without opening a transaction (with a key, the claim must come first).
      const taken = await this.appointments.findOverlap(businessId, draft.calendarId, times.blockedFrom, times.blockedTo);
      if (taken) throw new AppointmentConflictException(taken, times);
    }
    const outcome = await this.withRetry(times, draft.calendarId, businessId, () =>
      this.tx.run(async (em): Promise<{ replay: StoredAnswer } | { row: Appointment; body: T }> => {
        if (opts.idempotency) {
          const prior = await this.idempotency.claim(em, businessId, opts.idempotency);
          if (prior) return { replay: prior };
        }
        const repo = this.appointments.withManager(em);
        await repo.lockCalendar(draft.calendarId);
        const taken = await repo.findOverlap(businessId, draft.calendarId, times.blockedFrom, times.blockedTo);
        if (taken) throw new AppointmentConflictException(taken, times);
        const customerId =
          'id' in draft.customer
            ? draft.customer.id
            : (await this.customers.matchOrCreate(businessId, draft.customer.matchOrCreate, { manager: em, by: opts.by })).id;
        await repo.insertBooking(businessId, {
          id,
          serviceId: draft.service.id,
          calendarId: draft.calendarId,
          customerId,
          ...times,
          status: draft.status,
          source: draft.source,
          serviceName: draft.service.name,
          priceAgorot: draft.priceAgorot ?? draft.service.priceAgorot,
          currency: draft.service.currency,
          notes: draft.notes,
          meetingUrl: draft.service.meetingUrlTemplate?.replaceAll('{appointmentId}', id) ?? null,
          cancellationReason: null,
          cancelledBy: null,
          cancelledAt: null,
          sequence: 0,
        });
        const row = (await repo.findWithCustomer(businessId, id))!;
        const body = opts.present(row);
        if (opts.idempotency) await this.idempotency.complete(em, businessId, opts.idempotency, { status: 201, body });
        return { row, body };
      }),
    );
    if ('replay' in outcome) return { body: outcome.replay.body, appointment: null };
    await this.reminders.schedule(outcome.row, opts.rules.reminderOffsetsMinutes);
    await this.events.emitAndWait('appointment.booked', toEventPayload(outcome.row, opts.by));
    return { body: outcome.body, appointment: outcome.row };
  }

  /** Moves a pending or confirmed appointment to a new start and/or calendar, with the same guarantee. */
  async move(
    businessId: string,
    current: Appointment,
    change: { service: BookableService; calendarId: string; startsAt: Date },
    opts: { rules: BookingRules; by?: DomainEventActor | null },
  ): Promise<Appointment> {
    if (!nextStatus(current.status, 'reschedule')) throw new InvalidTransitionException('reschedule', current.status);
    const times = rangeFor(change.service, change.startsAt);
    const moved = await this.withRetry(
      times,
      change.calendarId,
      businessId,
      () =>
        this.tx.run(async (em) => {
          const repo = this.appointments.withManager(em);
          await repo.lockCalendar(change.calendarId);
          const taken = await repo.findOverlap(businessId, change.calendarId, times.blockedFrom, times.blockedTo, current.id);
          if (taken) throw new AppointmentConflictException(taken, times);
          return repo.moveIfStatus(businessId, current.id, allowedFrom('reschedule'), { calendarId: change.calendarId, ...times });
        }),
      current.id,
    );
    if (!moved) {
      const now = await this.appointments.findById(businessId, current.id);
      if (!now) throw new NotFoundAppException('appointment', current.id);
      throw new InvalidTransitionException('reschedule', now.status);
    }
    await this.reminders.move(current, moved, opts.rules.reminderOffsetsMinutes);
    await this.events.emitAndWait('appointment.rescheduled', {
      ...toEventPayload(moved, opts.by),
      previousStartsAt: current.startsAt.toISOString(),
      previousCalendarId: current.calendarId,
    });
    return moved;
  }

  /** Runs a booking transaction, retrying deadlock victims and turning a constraint refusal into a 409 with the taken time. */
  private async withRetry<R>(
    times: TimeRangeOf,
    calendarId: string,
    businessId: string,
    work: () => Promise<R>,
    exceptId?: string,
  ): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (err instanceof RetryableBookingError && attempt < ATTEMPTS) {
          this.logger.debug(`Booking transaction retried after ${err.message}`);
          continue;
        }
        if (err instanceof SlotTakenError || err instanceof RetryableBookingError) {
          const taken = await this.appointments.findOverlap(businessId, calendarId, times.blockedFrom, times.blockedTo, exceptId);
          throw new AppointmentConflictException(taken, times);
        }
        throw err;
      }
    }
  }
}
