import { Injectable, Logger } from '@nestjs/common';
import type { AppointmentEventPayload, DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { ActivityService } from '../activity/activity.service';
import { CustomersService } from '../customers/customers.service';

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16) + ' UTC';

/**
 * Appointment events land in the activity log with the customer's id, so they
 * show on the customer's timeline. A completed appointment counts as a visit
 * (attended, not merely booked).
 */
@Injectable()
export class AppointmentActivityListener {
  private readonly logger = new Logger('Appointments');

  constructor(
    private readonly activity: ActivityService,
    private readonly customers: CustomersService,
  ) {}

  @OnDomainEvent('appointment.booked')
  async booked(e: DomainEventMap['appointment.booked']): Promise<void> {
    await this.record(e, 'appointment.booked', `Booked ${e.serviceName} at ${when(e.startsAt)}`);
  }

  @OnDomainEvent('appointment.rescheduled')
  async rescheduled(e: DomainEventMap['appointment.rescheduled']): Promise<void> {
    await this.record(e, 'appointment.rescheduled', `Moved ${e.serviceName} from ${when(e.previousStartsAt)} to ${when(e.startsAt)}`);
  }

  @OnDomainEvent('appointment.cancelled')
  async cancelled(e: DomainEventMap['appointment.cancelled']): Promise<void> {
    const summary = `Cancelled ${e.serviceName} at ${when(e.startsAt)} (by the ${e.cancelledBy === 'customer' ? 'customer' : 'business'})`;
    await this.record(e, 'appointment.cancelled', e.reason ? `${summary}: ${e.reason}` : summary);
  }

  @OnDomainEvent('appointment.updated')
  async updated(e: DomainEventMap['appointment.updated']): Promise<void> {
    await this.record(e, 'appointment.updated', `Edited ${e.serviceName} at ${when(e.startsAt)}: ${e.changed.join(', ')}`);
  }

  @OnDomainEvent('appointment.status_changed')
  async statusChanged(e: DomainEventMap['appointment.status_changed']): Promise<void> {
    await this.record(e, `appointment.${e.to}`, `${e.serviceName} at ${when(e.startsAt)}: ${e.from} → ${e.to}`);
    if (e.to === 'completed') {
      await this.customers
        .recordVisit(e.businessId, e.customerId, new Date(e.startsAt))
        .catch((err: Error) => this.logger.error(`recordVisit failed: ${err.message}`));
    }
  }

  @OnDomainEvent('appointment.reminder_due')
  async reminderDue(e: DomainEventMap['appointment.reminder_due']): Promise<void> {
    await this.record(
      e,
      'appointment.reminder_due',
      `Reminder for ${e.serviceName} at ${when(e.startsAt)}, ${e.offsetMinutes} minutes before`,
    );
  }

  private record(e: AppointmentEventPayload, action: string, summary: string): Promise<void> {
    const byCustomer = e.source === 'public' && action !== 'appointment.reminder_due';
    return this.activity.recordEvent({
      businessId: e.businessId,
      by: e.by,
      anonymous: byCustomer ? 'public' : 'system',
      action,
      entityType: 'appointment',
      entityId: e.appointmentId,
      customerId: e.customerId,
      summary,
    });
  }
}
