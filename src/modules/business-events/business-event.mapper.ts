import { pickFields } from '../../common/objects/pick-fields';
import { toZonedIso } from '../../common/time/zoned-time';
import type { CustomerSummary } from '../customers/customers.service';
import { type EventDto, PUBLIC_EVENT_FIELDS, type PublicEventDto } from './dto/event.dto';
import type { RegistrationDto } from './dto/registration.dto';
import { BusinessEvent, EventStatus } from './entities/business-event.entity';
import type { EventRegistration } from './entities/event-registration.entity';
import type { RegistrationCounts } from './event-registrations.repository';

const spotsLeft = (e: BusinessEvent, c: RegistrationCounts) => (e.capacity === null ? null : Math.max(0, e.capacity - c.confirmed));

/** Public registration is open while the event is published and its deadline (default: its start) has not passed. */
export function registrationOpen(e: BusinessEvent, now: Date): boolean {
  return e.status === EventStatus.published && now < (e.registrationDeadline ?? e.startsAt);
}

export function toEventDto(e: BusinessEvent, counts: RegistrationCounts, timezone: string): EventDto {
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: timezone,
    localStartsAt: toZonedIso(e.startsAt, timezone),
    localEndsAt: toZonedIso(e.endsAt, timezone),
    location: e.location,
    onlineUrl: e.onlineUrl,
    capacity: e.capacity,
    priceAgorot: e.priceAgorot,
    currency: e.currency,
    status: e.status,
    registrationDeadline: e.registrationDeadline,
    confirmedCount: counts.confirmed,
    waitlistedCount: counts.waitlisted,
    spotsLeft: spotsLeft(e, counts),
    cancelledAt: e.cancelledAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export function toPublicEventDto(e: BusinessEvent, counts: RegistrationCounts, timezone: string, now: Date): PublicEventDto {
  return { ...pickFields(toEventDto(e, counts, timezone), PUBLIC_EVENT_FIELDS), registrationOpen: registrationOpen(e, now) };
}

export function toRegistrationDto(r: EventRegistration, customer: CustomerSummary | null): RegistrationDto {
  return {
    id: r.id,
    eventId: r.eventId,
    customerId: r.customerId,
    customer: customer
      ? { firstName: customer.firstName, lastName: customer.lastName, email: customer.email, phone: customer.phone }
      : null,
    status: r.status,
    source: r.source,
    confirmedAt: r.confirmedAt,
    promotedAt: r.promotedAt,
    cancelledAt: r.cancelledAt,
    paidAt: r.paidAt,
    paymentId: r.paymentId,
    createdAt: r.createdAt,
  };
}
