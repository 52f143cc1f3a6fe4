import { toZonedIso } from '../../../common/time/zoned-time';
import type { PublicAppointmentDto } from '../dto/public.dto';
import type { Appointment } from '../entities/appointment.entity';

export const toPublicAppointment = (a: Appointment, calendarName: string, timeZone: string): PublicAppointmentDto => ({
  id: a.id,
  serviceId: a.serviceId,
  serviceName: a.serviceName,
  calendarName,
  startsAt: a.startsAt,
  endsAt: a.endsAt,
  localStartsAt: toZonedIso(a.startsAt, timeZone),
  timeZone,
  status: a.status,
  meetingUrl: a.meetingUrl,
  priceAgorot: a.priceAgorot,
  currency: a.currency,
});
