import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { CustomerFactsRepository } from './customer-facts.repository';

/** Keeps the facts audience rules read: which services a customer booked, which events they registered to. */
@Injectable()
export class CustomerFactsListener {
  constructor(private readonly facts: CustomerFactsRepository) {}

  @OnDomainEvent('appointment.booked')
  booked(e: DomainEventMap['appointment.booked']): Promise<void> {
    return this.facts.record(e.businessId, e.customerId, 'service', e.serviceId, new Date());
  }

  @OnDomainEvent('registration.confirmed')
  registered(e: DomainEventMap['registration.confirmed']): Promise<void> {
    return this.facts.record(e.businessId, e.customerId, 'event', e.eventId, new Date());
  }

  @OnDomainEvent('registration.waitlisted')
  waitlisted(e: DomainEventMap['registration.waitlisted']): Promise<void> {
    return this.facts.record(e.businessId, e.customerId, 'event', e.eventId, new Date());
  }
}
