import { Injectable } from '@nestjs/common';
import type { DomainEventActor } from '../../common/domain-events/domain-event.map';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { NotFoundAppException } from '../../common/problem/app.exception';
import type { BookingRules } from '../booking-settings/booking-settings.defaults';
import { toEventPayload } from './appointment.mapper';
import { AppointmentAction, AppointmentStatus, allowedFrom, needsStarted, nextStatus } from './appointment-status';
import { InvalidTransitionException, NotStartedException } from './appointments.exception';
import { AppointmentsRepository } from './appointments.repository';
import type { Appointment } from './entities/appointment.entity';
import { ReminderScheduler } from './reminders/reminder.scheduler';

export type StatusAction = Exclude<AppointmentAction, 'reschedule'>;

/**
 * confirm / cancel / complete / no-show, through the state machine. The update
 * is conditional on the status the machine allows, so two racing requests
 * cannot both win; the loser gets 409.
 */
@Injectable()
export class AppointmentTransitionsService {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly reminders: ReminderScheduler,
    private readonly events: DomainEvents,
  ) {}

  async apply(
    businessId: string,
    id: string,
    action: StatusAction,
    opts: { rules: BookingRules; reason?: string | null; cancelledBy?: 'staff' | 'customer'; by?: DomainEventActor | null; now?: Date },
  ): Promise<Appointment> {
    const current = await this.appointments.findById(businessId, id);
    if (!current) throw new NotFoundAppException('appointment', id);
    const target = nextStatus(current.status, action);
    if (!target) throw new InvalidTransitionException(action, current.status);
    const now = opts.now ?? new Date();
    if (needsStarted(action) && current.startsAt > now) throw new NotStartedException(action);
    const patch: Partial<Appointment> = { status: target };
    if (action === 'cancel')
      Object.assign(patch, { cancellationReason: opts.reason?.trim() || null, cancelledBy: opts.cancelledBy ?? 'staff', cancelledAt: now });
    const updated = await this.appointments.transitionIfStatus(businessId, id, allowedFrom(action), patch);
    if (!updated) {
      const fresh = await this.appointments.findById(businessId, id);
      if (!fresh) throw new NotFoundAppException('appointment', id);
      throw new InvalidTransitionException(action, fresh.status);
    }
    await this.after(current, updated, action, opts);
    return updated;
  }

  private async after(
    before: Appointment,
    a: Appointment,
    action: StatusAction,
    opts: { rules: BookingRules; by?: DomainEventActor | null },
  ): Promise<void> {
    if (action === 'cancel') {
      await this.reminders.cancel(a, opts.rules.reminderOffsetsMinutes);
      await this.events.emitAndWait('appointment.cancelled', {
        ...toEventPayload(a, opts.by),
        reason: a.cancellationReason,
        cancelledBy: a.cancelledBy === 'customer' ? 'customer' : 'staff',
      });
      return;
    }
    if (a.status === AppointmentStatus.completed || a.status === AppointmentStatus.no_show) {
      await this.reminders.cancel(a, opts.rules.reminderOffsetsMinutes);
    }
    await this.events.emitAndWait('appointment.status_changed', { ...toEventPayload(a, opts.by), from: before.status, to: a.status });
  }
}
