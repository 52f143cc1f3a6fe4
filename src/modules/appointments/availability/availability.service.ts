import { assertServiceActive } from '../bookable';
import { toZonedIso } from '../../../common/time/zoned-time';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AppException, NotFoundAppException } from '../../../common/problem/app.exception';
import type { BookingRules } from '../../booking-settings/booking-settings.defaults';
import { BookingSettingsService } from '../../booking-settings/booking-settings.service';
import { CalendarScheduleService } from '../../calendars/calendar-schedule.service';
import { CalendarsService } from '../../calendars/calendars.service';
import type { Calendar } from '../../calendars/entities/calendar.entity';
import { ServiceCatalogService } from '../../catalog/service-catalog.service';
import { calendarIdsOf } from '../../catalog/bookable-service.mapper';
import type { BookableService } from '../../catalog/entities/bookable-service.entity';
import { CalendarNotForServiceException } from '../appointments.exception';
import { AppointmentsRepository } from '../appointments.repository';
import type { SlotsDto } from '../dto/slots.dto';
import { computeSlots } from './compute-slots';

const MAX_RANGE_DAYS = 62;
const DAY_MS = 86_400_000;

export interface SlotWindow {
  from: string;
  to: string;
}

function invalidWindow(field: 'from' | 'to', message: string): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, 'validation_failed', 'The request has 1 invalid field', [{ field, message }]);
}

/** `YYYY-MM-DD` is a local date in the business zone (`to` inclusive); otherwise an instant with offset. */
export function parseWindow(w: SlotWindow, timeZone: string): { from: Date; to: Date } {
  const parse = (value: string, field: 'from' | 'to') => {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const dt = dateOnly ? DateTime.fromISO(value, { zone: timeZone }).startOf('day') : DateTime.fromISO(value, { setZone: true });
    if (!dt.isValid) throw invalidWindow(field, `${field} is not a valid date`);
    return field === 'to' && dateOnly ? dt.plus({ days: 1 }) : dt;
  };
  const from = parse(w.from, 'from').toJSDate();
  const to = parse(w.to, 'to').toJSDate();
  if (to <= from) throw invalidWindow('to', 'to must be after from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw invalidWindow('to', `to must be at most ${MAX_RANGE_DAYS} days after from`);
  return { from, to };
}

/** Free start times: the business's rules, the calendars' schedules and existing appointments, through `computeSlots`. */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly settings: BookingSettingsService,
    private readonly catalog: ServiceCatalogService,
    private readonly calendars: CalendarsService,
    private readonly schedules: CalendarScheduleService,
    private readonly appointments: AppointmentsRepository,
  ) {}

  async slots(
    businessId: string,
    q: SlotWindow & { serviceId: string; calendarId?: string },
    opts: { publicView: boolean },
  ): Promise<SlotsDto> {
    const [rules, service] = await Promise.all([this.settings.rules(businessId), this.catalog.require(businessId, q.serviceId)]);
    // A slot that is offered must be bookable: the public does not see an inactive service, staff are told it is inactive.
    if (!service.active) {
      if (opts.publicView) throw new NotFoundAppException('service', q.serviceId);
      assertServiceActive(service);
    }
    const calendars = await this.bookableCalendars(businessId, service, q.calendarId);
    const window = parseWindow(q, rules.timeZone);
    const byStart = await this.freeStarts(businessId, service, calendars, window, rules);
    const duration = service.durationMinutes * 60_000;
    return {
      serviceId: service.id,
      timeZone: rules.timeZone,
      durationMinutes: service.durationMinutes,
      slots: [...byStart.entries()]
        .sort(([a], [b]) => a - b)
        .map(([t, calendarIds]) => ({
          startsAt: new Date(t),
          endsAt: new Date(t + duration),
          localStartsAt: toZonedIso(new Date(t), rules.timeZone),
          calendarIds,
        })),
    };
  }

  /** Active calendars that perform the service (one when `calendarId` is given; 422 when it does not perform it). */
  async bookableCalendars(businessId: string, service: BookableService, calendarId?: string): Promise<Calendar[]> {
    const ids = calendarIdsOf(service);
    if (calendarId) {
      const calendar = await this.calendars.require(businessId, calendarId);
      if (!ids.includes(calendar.id)) throw new CalendarNotForServiceException();
      return calendar.active ? [calendar] : [];
    }
    return (await this.calendars.findMany(businessId, ids))
      .filter((c) => c.active)
      .sort((a, b) => a.name.localeCompare(b.name, 'he') || a.id.localeCompare(b.id));
  }

  /** Calendars among `calendars` on which `startsAt` is an offered free slot (ignoring `exceptAppointmentId`'s own time). */
  async calendarsFreeAt(
    businessId: string,
    service: BookableService,
    calendars: Calendar[],
    startsAt: Date,
    rules: BookingRules,
    exceptAppointmentId?: string,
  ): Promise<string[]> {
    const window = { from: startsAt, to: new Date(startsAt.getTime() + 1) };
    const byStart = await this.freeStarts(businessId, service, calendars, window, rules, exceptAppointmentId);
    return byStart.get(startsAt.getTime()) ?? [];
  }

  private async freeStarts(
    businessId: string,
    service: BookableService,
    calendars: Calendar[],
    window: { from: Date; to: Date },
    rules: BookingRules,
    exceptAppointmentId?: string,
  ): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (calendars.length === 0) return out;
    const ids = calendars.map((c) => c.id);
    const localDate = (d: Date) => DateTime.fromJSDate(d, { zone: rules.timeZone }).toISODate()!;
    const [schedules, busy] = await Promise.all([
      this.schedules.schedulesFor(
        businessId,
        ids,
        localDate(new Date(window.from.getTime() - DAY_MS)),
        localDate(new Date(window.to.getTime() + DAY_MS)),
      ),
      this.appointments.busy(
        businessId,
        ids,
        new Date(window.from.getTime() - DAY_MS),
        new Date(window.to.getTime() + DAY_MS),
        exceptAppointmentId,
      ),
    ]);
    const now = new Date();
    for (const calendar of calendars) {
      const schedule = schedules.get(calendar.id) ?? { weekly: [], overrides: [] };
      const starts = computeSlots({
        weekly: schedule.weekly,
        overrides: schedule.overrides,
        durationMinutes: service.durationMinutes,
        bufferBeforeMinutes: service.bufferBeforeMinutes,
        bufferAfterMinutes: service.bufferAfterMinutes,
        busy: busy.filter((b) => b.calendarId === calendar.id),
        from: window.from,
        to: window.to,
        now,
        rules,
      });
      for (const s of starts) out.set(s.getTime(), [...(out.get(s.getTime()) ?? []), calendar.id]);
    }
    return out;
  }
}
