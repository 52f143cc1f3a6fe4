import { Injectable } from '@nestjs/common';
import type { DomainEventActor } from '../../common/domain-events/domain-event.map';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { parseZonedDateTime } from '../../common/time/zoned-time';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { BusinessDirectory } from '../business/business-directory.service';
import type { CreateEventDto, EventDto, EventQueryDto, PublicEventDto, UpdateEventDto } from './dto/event.dto';
import { BusinessEvent, EventStatus } from './entities/business-event.entity';
import type { EventRegistration } from './entities/event-registration.entity';
import { toEventDto, toPublicEventDto } from './business-event.mapper';
import { EventRegistrationsRepository } from './event-registrations.repository';
import {
  EventCancelledException,
  EventCapacityTooLowException,
  EventHasRegistrationsException,
  EventInvalidTimesException,
} from './events.exception';
import { EventsRepository } from './events.repository';
import { RegistrationsService } from './registrations.service';

/** Events: their times (in the business time zone when given without offset), capacity and life cycle. */
@Injectable()
export class EventsService {
  constructor(
    private readonly directory: BusinessDirectory,
    private readonly tx: TransactionRunner,
    private readonly events: EventsRepository,
    private readonly registrationsRepo: EventRegistrationsRepository,
    private readonly registrations: RegistrationsService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async list(businessId: string, query: EventQueryDto): Promise<[EventDto[], number]> {
    const business = await this.directory.require(businessId);
    const [rows, total] = await this.events.page(businessId, query, query, new Date());
    const counts = await this.registrationsRepo.countsFor(
      businessId,
      rows.map((e) => e.id),
    );
    return [rows.map((e) => toEventDto(e, counts.get(e.id)!, business.timezone)), total];
  }

  async get(businessId: string, id: string): Promise<EventDto> {
    const event = await this.events.findById(businessId, id);
    if (!event) throw new NotFoundAppException('event', id);
    return this.toDto(event);
  }

  async create(businessId: string, dto: CreateEventDto): Promise<EventDto> {
    const business = await this.directory.require(businessId);
    const tz = business.timezone;
    const startsAt = this.time(dto.startsAt, tz, 'startsAt');
    const endsAt = this.time(dto.endsAt, tz, 'endsAt');
    const registrationDeadline = dto.registrationDeadline ? this.time(dto.registrationDeadline, tz, 'registrationDeadline') : null;
    this.checkTimes(startsAt, endsAt, registrationDeadline);
    const event = await this.events.insert(businessId, {
      title: dto.title,
      description: dto.description ?? null,
      startsAt,
      endsAt,
      location: dto.location ?? null,
      onlineUrl: dto.onlineUrl ?? null,
      capacity: dto.capacity ?? null,
      priceAgorot: dto.priceAgorot ?? 0,
      currency: dto.currency ?? business.currency,
      status: dto.status ?? EventStatus.draft,
      registrationDeadline,
      cancelledAt: null,
    });
    return toEventDto(event, { confirmed: 0, waitlisted: 0 }, tz);
  }

  /**
   * Changes an event under its row lock. Raising (or removing) the capacity
   * promotes the waitlist; `status: cancelled` cancels every registration
   * with it and is final.
   */
  async update(businessId: string, id: string, dto: UpdateEventDto, by: DomainEventActor | null): Promise<EventDto> {
    const tz = (await this.directory.require(businessId)).timezone;
    const { event, cancelled, promoted } = await this.tx.run(async (em) => {
      const events = this.events.withManager(em);
      const event = await events.lockById(businessId, id);
      if (!event) throw new NotFoundAppException('event', id);
      if (event.status === EventStatus.cancelled) throw new EventCancelledException();
      if (dto.title !== undefined) event.title = dto.title;
      if (dto.description !== undefined) event.description = dto.description;
      if (dto.location !== undefined) event.location = dto.location;
      if (dto.onlineUrl !== undefined) event.onlineUrl = dto.onlineUrl;
      if (dto.priceAgorot !== undefined) event.priceAgorot = dto.priceAgorot;
      if (dto.currency !== undefined) event.currency = dto.currency;
      if (dto.startsAt !== undefined) event.startsAt = this.time(dto.startsAt, tz, 'startsAt');
      if (dto.endsAt !== undefined) event.endsAt = this.time(dto.endsAt, tz, 'endsAt');
      if (dto.registrationDeadline !== undefined)
        event.registrationDeadline =
          dto.registrationDeadline === null ? null : this.time(dto.registrationDeadline, tz, 'registrationDeadline');
      this.checkTimes(event.startsAt, event.endsAt, event.registrationDeadline);
      const capacityChanged = dto.capacity !== undefined && dto.capacity !== event.capacity;
      if (capacityChanged && dto.capacity !== null) {
        const confirmed = await this.registrationsRepo.withManager(em).countConfirmed(businessId, id);
        if (dto.capacity! < confirmed) throw new EventCapacityTooLowException(confirmed);
      }
      if (dto.capacity !== undefined) event.capacity = dto.capacity;

      let cancelled: EventRegistration[] = [];
      let promoted: EventRegistration[] = [];
      if (dto.status === EventStatus.cancelled) {
        const now = new Date();
        event.status = EventStatus.cancelled;
        event.cancelledAt = now;
        cancelled = await this.registrations.cancelAll(em, event, now);
      } else if (dto.status !== undefined) {
        event.status = dto.status;
      }
      await events.save(businessId, event);
      if (capacityChanged && event.status !== EventStatus.cancelled) promoted = await this.registrations.fillPlaces(em, event);
      return { event, cancelled, promoted };
    });
    if (event.status === EventStatus.cancelled) {
      await this.domainEvents.emitAndWait('event.cancelled', {
        businessId,
        eventId: event.id,
        eventTitle: event.title,
        registrations: cancelled.map((r) => ({ registrationId: r.id, customerId: r.customerId })),
        by,
      });
    }
    for (const r of promoted) {
      await this.domainEvents.emitAndWait('registration.promoted', {
        businessId,
        eventId: event.id,
        eventTitle: event.title,
        registrationId: r.id,
        customerId: r.customerId,
        by,
      });
    }
    return this.toDto(event, tz);
  }

  /** Deletes an event nobody is registered for; otherwise it must be cancelled. */
  async remove(businessId: string, id: string): Promise<void> {
    await this.tx.run(async (em) => {
      const events = this.events.withManager(em);
      if (!(await events.lockById(businessId, id))) throw new NotFoundAppException('event', id);
      if ((await this.registrationsRepo.withManager(em).live(businessId, id)).length) throw new EventHasRegistrationsException();
      await events.deleteById(businessId, id);
    });
  }

  async listPublic(slug: string, page: { page: number; limit: number; offset: number }): Promise<[PublicEventDto[], number]> {
    const business = await this.directory.requireBySlug(slug);
    const now = new Date();
    const [rows, total] = await this.events.pagePublished(business.id, page, now);
    const counts = await this.registrationsRepo.countsFor(
      business.id,
      rows.map((e) => e.id),
    );
    return [rows.map((e) => toPublicEventDto(e, counts.get(e.id)!, business.timezone, now)), total];
  }

  private async toDto(event: BusinessEvent, timezone?: string): Promise<EventDto> {
    const tz = timezone ?? (await this.directory.require(event.businessId)).timezone;
    const counts = await this.registrationsRepo.countsFor(event.businessId, [event.id]);
    return toEventDto(event, counts.get(event.id)!, tz);
  }

  private time(value: string, timezone: string, field: string): Date {
    const parsed = parseZonedDateTime(value, timezone);
    if (!parsed) throw new EventInvalidTimesException(field, `${field} is not a valid date-time`);
    return parsed;
  }

  private checkTimes(startsAt: Date, endsAt: Date, deadline: Date | null): void {
    if (endsAt <= startsAt) throw new EventInvalidTimesException('endsAt', 'endsAt must be after startsAt');
    if (deadline && deadline > endsAt)
      throw new EventInvalidTimesException('registrationDeadline', 'registrationDeadline must not be after endsAt');
  }
}
