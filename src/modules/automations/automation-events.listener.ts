import { Injectable } from '@nestjs/common';
import { uuidFromKey } from '../../common/crypto/key-uuid';
import type { AppointmentEventPayload, CustomerTagEventPayload, DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName } from '../../infra/queue/job-names';
import { type AutomationEvent, TriggerType } from './automation.types';
import { AutomationRulesRepository } from './automation-rules.repository';

const STATUS_TRIGGERS: Record<string, TriggerType> = {
  confirmed: TriggerType.appointmentConfirmed,
  completed: TriggerType.appointmentCompleted,
  no_show: TriggerType.appointmentNoShow,
};

/** The job id of an event's trigger job: the same event queued twice is one job. */
export const eventJobId = (businessId: string, eventKey: string) =>
  `automation-event-${uuidFromKey(businessId, 'automation-event', eventKey)}`;

/**
 * Turns the domain events automations trigger on into durable jobs (one per
 * event, its id derived from the event's key), only for businesses with an
 * enabled rule on that trigger. The job matches rules and starts runs.
 */
@Injectable()
export class AutomationEventsListener {
  constructor(
    private readonly rules: AutomationRulesRepository,
    private readonly jobs: JobQueueService,
  ) {}

  @OnDomainEvent('appointment.booked')
  booked(e: DomainEventMap['appointment.booked']): Promise<void> {
    return this.appointment(TriggerType.appointmentBooked, e);
  }

  @OnDomainEvent('appointment.status_changed')
  statusChanged(e: DomainEventMap['appointment.status_changed']): Promise<void> {
    const trigger = STATUS_TRIGGERS[e.to];
    return trigger ? this.appointment(trigger, e) : Promise.resolve();
  }

  @OnDomainEvent('appointment.cancelled')
  cancelled(e: DomainEventMap['appointment.cancelled']): Promise<void> {
    return this.appointment(TriggerType.appointmentCancelled, e);
  }

  @OnDomainEvent('registration.confirmed')
  registered(e: DomainEventMap['registration.confirmed']): Promise<void> {
    return this.queue(e.businessId, {
      trigger: TriggerType.registrationConfirmed,
      customerId: e.customerId,
      eventKey: `registration.confirmed:${e.registrationId}`,
      data: { eventTitle: e.eventTitle },
    });
  }

  @OnDomainEvent('payment.paid')
  paid(e: DomainEventMap['payment.paid']): Promise<void> {
    return this.queue(e.businessId, {
      trigger: TriggerType.paymentPaid,
      customerId: e.customerId,
      eventKey: `payment.paid:${e.paymentId}`,
      data: { amountAgorot: e.amountAgorot, currency: e.currency },
    });
  }

  @OnDomainEvent('invoice.issued')
  issued(e: DomainEventMap['invoice.issued']): Promise<void> {
    return this.queue(e.businessId, {
      trigger: TriggerType.invoiceIssued,
      customerId: e.customerId,
      eventKey: `invoice.issued:${e.invoiceId}`,
      data: { invoiceNumber: e.number, invoiceType: e.type, totalAgorot: e.totalAgorot },
    });
  }

  @OnDomainEvent('customer.created')
  customerCreated(e: DomainEventMap['customer.created']): Promise<void> {
    return this.queue(e.businessId, {
      trigger: TriggerType.customerCreated,
      customerId: e.customerId,
      eventKey: `customer.created:${e.customerId}`,
    });
  }

  @OnDomainEvent('customer.tag_added')
  tagAdded(e: DomainEventMap['customer.tag_added']): Promise<void> {
    return this.tag(TriggerType.tagAdded, e);
  }

  @OnDomainEvent('customer.tag_removed')
  tagRemoved(e: DomainEventMap['customer.tag_removed']): Promise<void> {
    return this.tag(TriggerType.tagRemoved, e);
  }

  @OnDomainEvent('subscriber.confirmed')
  subscribed(e: DomainEventMap['subscriber.confirmed']): Promise<void> {
    if (!e.customerId) return Promise.resolve();
    return this.queue(e.businessId, {
      trigger: TriggerType.subscriberConfirmed,
      customerId: e.customerId,
      eventKey: `subscriber.confirmed:${e.subscriberId}:${e.channel}`,
      data: { channel: e.channel },
    });
  }

  private appointment(trigger: TriggerType, e: AppointmentEventPayload): Promise<void> {
    return this.queue(e.businessId, {
      trigger,
      customerId: e.customerId,
      eventKey: `${trigger}:${e.appointmentId}`,
      data: { serviceName: e.serviceName, startsAt: e.startsAt },
    });
  }

  private tag(trigger: TriggerType, e: CustomerTagEventPayload): Promise<void> {
    return this.queue(e.businessId, {
      trigger,
      customerId: e.customerId,
      eventKey: `${trigger}:${e.customerId}:${e.tag}:${e.at}`,
      tag: e.tag,
      data: { tag: e.tag },
      cause: e.cause ?? null,
    });
  }

  private async queue(businessId: string, event: AutomationEvent): Promise<void> {
    if (!(await this.rules.hasEnabled(businessId, event.trigger))) return;
    await this.jobs.enqueue(JobName.AutomationEvent, { businessId, event }, { jobId: eventJobId(businessId, event.eventKey) });
  }
}
