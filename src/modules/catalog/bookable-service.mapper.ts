import type { ServiceDto } from './dto/service.dto';
import type { BookableService } from './entities/bookable-service.entity';

/** The calendars that perform the service, sorted. */
export const calendarIdsOf = (s: BookableService): string[] => (s.calendarLinks ?? []).map((l) => l.calendarId).sort();

export const toServiceDto = (s: BookableService): ServiceDto => ({
  id: s.id,
  name: s.name,
  nameEn: s.nameEn,
  description: s.description,
  durationMinutes: s.durationMinutes,
  priceAgorot: s.priceAgorot,
  currency: s.currency,
  bufferBeforeMinutes: s.bufferBeforeMinutes,
  bufferAfterMinutes: s.bufferAfterMinutes,
  active: s.active,
  calendarIds: calendarIdsOf(s),
  meetingUrlTemplate: s.meetingUrlTemplate,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});
