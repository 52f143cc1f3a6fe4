import { toZonedIso } from '../../common/time/zoned-time';
import type { AppointmentEventPayload, DomainEventActor } from '../../common/domain-events/domain-event.map';
import type { AppointmentDto } from './dto/appointment.dto';
import type { Appointment } from './entities/appointment.entity';

export function toAppointmentDto(a: Appointment, timeZone: string): AppointmentDto {
  const c = a.customer;
  return {
    id: a.id,
    serviceId: a.serviceId,
    serviceName: a.serviceName,
    calendarId: a.calendarId,
    customerId: a.customerId,
    customer: c ? { id: c.id, firstName: c.firstName, lastName: c.lastName, phone: c.phone, email: c.email } : null,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    localStartsAt: toZonedIso(a.startsAt, timeZone),
    timeZone,
    status: a.status,
    source: a.source,
    notes: a.notes,
    priceAgorot: a.priceAgorot,
    currency: a.currency,
    meetingUrl: a.meetingUrl,
    cancellationReason: a.cancellationReason,
    cancelledBy: a.cancelledBy,
    cancelledAt: a.cancelledAt,
    paidAt: a.paidAt,
    paymentId: a.paymentId,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function toEventPayload(a: Appointment, by?: DomainEventActor | null): AppointmentEventPayload {
  return {
    businessId: a.businessId,
    appointmentId: a.id,
    customerId: a.customerId,
    calendarId: a.calendarId,
    serviceId: a.serviceId,
    serviceName: a.serviceName,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    status: a.status,
    source: a.source,
    by: by ?? null,
  };
}
