import { Injectable, Logger } from '@nestjs/common';
import type { AppointmentEventPayload, DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { RequestContext } from '../../common/http/request-context';
import { ActivityService } from '../activity/activity.service';
import { CustomersService } from '../customers/customers.service';

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16) + ' UTC';

/**
 * Until notifications exist, appointment events land in the activity log with
 * the customer's id, so they show on the customer's timeline. A completed
 * appointment counts as a visit (attended, not merely booked).
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
    await this.record(e, 'appointment.booked', `נקבע תור: ${e.serviceName}, ${when(e.startsAt)}`);
  }

  @OnDomainEvent('appointment.rescheduled')
  async rescheduled(e: DomainEventMap['appointment.rescheduled']): Promise<void> {
    await this.record(e, 'appointment.rescheduled', `התור ${e.serviceName} הוזז מ-${when(e.previousStartsAt)} ל-${when(e.startsAt)}`);
  }

  @OnDomainEvent('appointment.cancelled')
  async cancelled(e: DomainEventMap['appointment.cancelled']): Promise<void> {
    const by = e.cancelledBy === 'customer' ? 'על ידי הלקוח' : 'על ידי העסק';
    await this.record(
      e,
      'appointment.cancelled',
      `התור ${e.serviceName} (${when(e.startsAt)}) בוטל ${by}${e.reason ? `: ${e.reason}` : ''}`,
    );
  }

  @OnDomainEvent('appointment.updated')
  async updated(e: DomainEventMap['appointment.updated']): Promise<void> {
    await this.record(e, 'appointment.updated', `התור ${e.serviceName} (${when(e.startsAt)}) עודכן: ${e.changed.join(', ')}`);
  }

  @OnDomainEvent('appointment.status_changed')
  async statusChanged(e: DomainEventMap['appointment.status_changed']): Promise<void> {
    await this.record(e, `appointment.${e.to}`, `התור ${e.serviceName} (${when(e.startsAt)}): ${e.from} → ${e.to}`);
    if (e.to === 'completed') {
      await this.customers
        .recordVisit(e.businessId, e.customerId, new Date(e.startsAt))
        .catch((err: Error) => this.logger.error(`recordVisit failed: ${err.message}`));
    }
  }

  @OnDomainEvent('appointment.reminder_due')
  async reminderDue(e: DomainEventMap['appointment.reminder_due']): Promise<void> {
    await this.record(e, 'appointment.reminder_due', `תזכורת לתור ${e.serviceName} (${when(e.startsAt)}), ${e.offsetMinutes} דקות לפני`);
  }

  private record(e: AppointmentEventPayload, action: string, summary: string): Promise<void> {
    return this.activity.recordQuietly({
      businessId: e.businessId,
      actorType: e.by ? e.by.kind : e.source === 'public' && action !== 'appointment.reminder_due' ? 'public' : 'system',
      actorId: e.by?.id ?? null,
      actorName: e.by?.name ?? null,
      action,
      entityType: 'appointment',
      entityId: e.appointmentId,
      customerId: e.customerId,
      summary,
      ip: null,
      requestId: RequestContext.requestId() ?? null,
    });
  }
}
