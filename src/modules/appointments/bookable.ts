import type { Calendar } from '../calendars/entities/calendar.entity';
import type { BookableService } from '../catalog/entities/bookable-service.entity';
import { calendarIdsOf } from '../catalog/bookable-service.mapper';
import { CalendarNotForServiceException, NotBookableException } from './appointments.exception';

/**
 * The one rule for putting an appointment on a calendar, whether it is booked
 * or moved, by staff or by the customer: the service is active, the calendar
 * performs it and is active.
 */
export function assertBookable(service: BookableService, calendar: Calendar): void {
  assertServiceActive(service);
  if (!calendarIdsOf(service).includes(calendar.id)) throw new CalendarNotForServiceException();
  if (!calendar.active) throw new NotBookableException('calendar.inactive', 'The calendar is inactive');
}

export function assertServiceActive(service: BookableService): void {
  if (!service.active) throw new NotBookableException('service.inactive', 'The service is inactive');
}
