import type { PayableRecord } from '../../common/payments/payable-record';
import { Injectable } from '@nestjs/common';
import { BusinessDirectory } from '../business/business-directory.service';
import type { EntityManager } from 'typeorm';
import type { DomainEventActor, RegistrationEventPayload } from '../../common/domain-events/domain-event.map';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { NotFoundAppException } from '../../common/problem/app.exception';
import type { ReportingPeriod } from '../../common/time/reporting-period';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { chooseCustomer, type CustomerChoice } from '../customers/customer-choice';
import { CustomersService } from '../customers/customers.service';
import { flatCustomer } from './dto/flat-customer-fields';
import type { CreateRegistrationDto, PublicRegistrationDto } from './dto/registration-input.dto';
import type { PublicRegistrationResultDto, RegistrationDto, RegistrationQueryDto } from './dto/registration.dto';
import { BusinessEvent, EventStatus } from './entities/business-event.entity';
import { EventRegistration, RegistrationSource, RegistrationStatus } from './entities/event-registration.entity';
import { registrationOpen, toRegistrationDto } from './business-event.mapper';
import { EventRegistrationsRepository } from './event-registrations.repository';
import { EventCancelledException, DuplicateRegistrationException, RegistrationClosedException } from './events.exception';
import { EventsRepository } from './events.repository';

const CUSTOMER_SOURCE = 'event_registration';

const payload = (e: BusinessEvent, r: EventRegistration, by: DomainEventActor | null): RegistrationEventPayload => ({
  businessId: e.businessId,
  eventId: e.id,
  eventTitle: e.title,
  registrationId: r.id,
  customerId: r.customerId,
  by,
});

/**
 * Registrations and the waitlist. Every change to an event's registrations
 * runs in one transaction holding the event row `FOR UPDATE`, so admissions
 * are serialised per event: capacity is never exceeded, and a freed place
 * goes to the oldest waitlisted registration in the same transaction.
 * Customers are resolved before the lock (their own queries must not wait
 * on it).
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly directory: BusinessDirectory,
    private readonly tx: TransactionRunner,
    private readonly events: EventsRepository,
    private readonly registrations: EventRegistrationsRepository,
    private readonly customers: CustomersService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async register(businessId: string, eventId: string, dto: CreateRegistrationDto, by: DomainEventActor | null): Promise<RegistrationDto> {
    const event = await this.events.findById(businessId, eventId);
    if (!event) throw new NotFoundAppException('event', eventId);
    if (event.status === EventStatus.cancelled) throw new EventCancelledException();
    const customerId = await this.resolveCustomer(businessId, chooseCustomer(dto, flatCustomer(dto)), by);
    const reg = await this.admit(businessId, eventId, customerId, RegistrationSource.staff, by);
    return toRegistrationDto(reg, await this.customers.getSummary(businessId, customerId));
  }

  /** The public form: only published events with registration open; the customer is matched by phone/email or created. */
  async registerPublic(slug: string, eventId: string, dto: PublicRegistrationDto): Promise<PublicRegistrationResultDto> {
    const business = await this.directory.requireBySlug(slug);
    const event = await this.events.findById(business.id, eventId);
    if (!event || event.status !== EventStatus.published) throw new NotFoundAppException('event', eventId);
    if (!registrationOpen(event, new Date())) throw new RegistrationClosedException();
    const customerId = await this.resolveCustomer(business.id, chooseCustomer({ customer: dto.customer }, flatCustomer(dto)), null);
    const reg = await this.admit(business.id, eventId, customerId, RegistrationSource.public, null);
    return { registrationId: reg.id, eventId, status: reg.status };
  }

  async list(businessId: string, eventId: string, query: RegistrationQueryDto): Promise<[RegistrationDto[], number]> {
    if (!(await this.events.findById(businessId, eventId))) throw new NotFoundAppException('event', eventId);
    const [rows, total] = await this.registrations.pageForEvent(businessId, eventId, query.status, query);
    const customers = await this.customers.getSummaries(
      businessId,
      rows.map((r) => r.customerId),
    );
    return [rows.map((r) => toRegistrationDto(r, customers.get(r.customerId) ?? null)), total];
  }

  /** Cancels a registration (again: no change) and, if it held a place, promotes the oldest waitlisted one. */
  async cancel(businessId: string, eventId: string, registrationId: string, by: DomainEventActor | null): Promise<RegistrationDto> {
    const { event, reg, promoted, changed } = await this.tx.run(async (em) => {
      const event = await this.events.withManager(em).lockById(businessId, eventId);
      if (!event) throw new NotFoundAppException('event', eventId);
      const regs = this.registrations.withManager(em);
      const reg = await regs.findForEvent(businessId, eventId, registrationId);
      if (!reg) throw new NotFoundAppException('registration', registrationId);
      if (reg.status === RegistrationStatus.cancelled) return { event, reg, promoted: [], changed: false };
      reg.status = RegistrationStatus.cancelled;
      reg.cancelledAt = new Date();
      await regs.save(businessId, reg);
      return { event, reg, promoted: await this.fillPlaces(em, event), changed: true };
    });
    if (changed) await this.domainEvents.emitAndWait('registration.cancelled', payload(event, reg, by));
    for (const p of promoted) await this.domainEvents.emitAndWait('registration.promoted', payload(event, p, by));
    return toRegistrationDto(reg, await this.customers.getSummary(businessId, reg.customerId));
  }

  /**
   * Inside the event's lock: moves the oldest waitlisted registrations into
   * the free places (all of them when capacity is unlimited).
   */
  async fillPlaces(em: EntityManager, event: BusinessEvent): Promise<EventRegistration[]> {
    const regs = this.registrations.withManager(em);
    let free: number | undefined;
    if (event.capacity !== null) {
      free = event.capacity - (await regs.countConfirmed(event.businessId, event.id));
      if (free <= 0) return [];
    }
    const next = await regs.oldestWaitlisted(event.businessId, event.id, free);
    const now = new Date();
    for (const r of next) {
      r.status = RegistrationStatus.confirmed;
      r.confirmedAt = now;
      r.promotedAt = now;
    }
    if (next.length) await regs.saveAll(event.businessId, next);
    return next;
  }

  /** Inside the event's lock: cancels every live registration (the event is being cancelled). */
  async cancelAll(em: EntityManager, event: BusinessEvent, now: Date): Promise<EventRegistration[]> {
    const regs = this.registrations.withManager(em);
    const live = await regs.live(event.businessId, event.id);
    for (const r of live) {
      r.status = RegistrationStatus.cancelled;
      r.cancelledAt = now;
    }
    if (live.length) await regs.saveAll(event.businessId, live);
    return live;
  }

  private async admit(
    businessId: string,
    eventId: string,
    customerId: string,
    source: RegistrationSource,
    by: DomainEventActor | null,
  ): Promise<EventRegistration> {
    const { event, reg } = await this.tx.run(async (em) => {
      const event = await this.events.withManager(em).lockById(businessId, eventId);
      if (!event) throw new NotFoundAppException('event', eventId);
      if (event.status === EventStatus.cancelled) throw new EventCancelledException();
      if (source === RegistrationSource.public && !registrationOpen(event, new Date())) throw new RegistrationClosedException();
      const regs = this.registrations.withManager(em);
      if (await regs.findLive(businessId, eventId, customerId)) throw new DuplicateRegistrationException();
      const hasRoom = event.capacity === null || (await regs.countConfirmed(businessId, eventId)) < event.capacity;
      const reg = await regs.insert(businessId, {
        eventId,
        customerId,
        source,
        status: hasRoom ? RegistrationStatus.confirmed : RegistrationStatus.waitlisted,
        confirmedAt: hasRoom ? new Date() : null,
        promotedAt: null,
        cancelledAt: null,
      });
      return { event, reg };
    });
    await this.domainEvents.emitAndWait(
      reg.status === RegistrationStatus.confirmed ? 'registration.confirmed' : 'registration.waitlisted',
      payload(event, reg, by),
    );
    return reg;
  }

  private async resolveCustomer(businessId: string, choice: CustomerChoice, by: DomainEventActor | null): Promise<string> {
    if ('customerId' in choice) {
      const customer = await this.customers.getSummary(businessId, choice.customerId);
      if (!customer) throw new NotFoundAppException('customer', choice.customerId);
      return customer.id;
    }
    const { id } = await this.customers.matchOrCreate(businessId, { ...choice.customer, source: CUSTOMER_SOURCE }, { by });
    return id;
  }

  /** What a payment for it needs to check (whose it is, whether it still counts); null when the business has none such. */
  async payable(businessId: string, id: string): Promise<PayableRecord | null> {
    const row = await this.registrations.findById(businessId, id);
    return row ? { customerId: row.customerId, cancelled: row.status === RegistrationStatus.cancelled, paid: row.paidAt !== null } : null;
  }

  /** Paid by `paymentId` (the payments module calls this once the gateway confirmed it); a second payment does not replace the first. */
  markPaid(businessId: string, id: string, paymentId: string, at: Date): Promise<boolean> {
    return this.registrations.markPaid(businessId, id, paymentId, at);
  }

  /** Registrations made in the period, counted in SQL per bucket and current status (reports). */
  countsByCreation(businessId: string, period: ReportingPeriod): Promise<{ bucket: string; status: RegistrationStatus; count: number }[]> {
    return this.registrations.countsByCreation(businessId, period);
  }
}
