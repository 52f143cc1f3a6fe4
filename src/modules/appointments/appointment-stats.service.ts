import { Injectable } from '@nestjs/common';
import type { BucketRow, ReportingPeriod } from '../../common/time/reporting-period';
import { CalendarsService } from '../calendars/calendars.service';
import type { CalendarKind } from '../calendars/entities/calendar.entity';
import { AppointmentStatus } from './appointment-status';
import { AppointmentsRepository } from './appointments.repository';

/** Bookings of a group: appointments that were not cancelled, and the cancelled ones apart. */
export interface BookingTally {
  bookings: number;
  cancelled: number;
}

export interface BookingStats {
  byBucket: BucketRow<keyof BookingTally>[];
  byStatus: Record<AppointmentStatus, number>;
  /** Most booked first. */
  byService: ({ serviceId: string; name: string } & BookingTally)[];
  /** Per calendar (a staff member or a resource), most booked first. */
  byCalendar: ({ calendarId: string; name: string; kind: CalendarKind | null; memberId: string | null } & BookingTally)[];
}

const emptyTally = (): BookingTally => ({ bookings: 0, cancelled: 0 });

/** Adds `count` appointments of `status` to the group `key` of `groups`. */
function tally<K>(groups: Map<K, BookingTally>, key: K, status: AppointmentStatus, count: number): void {
  const group = groups.get(key) ?? emptyTally();
  if (status === AppointmentStatus.cancelled) group.cancelled += count;
  else group.bookings += count;
  groups.set(key, group);
}

const byMost = (a: BookingTally, b: BookingTally) => b.bookings - a.bookings || b.cancelled - a.cancelled;

/**
 * What reports read of appointments: those starting in a period, counted in
 * SQL by status per bucket, per service and per calendar. A cancelled
 * appointment is not a booking; it is counted apart.
 */
@Injectable()
export class AppointmentStatsService {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly calendars: CalendarsService,
  ) {}

  async bookings(businessId: string, period: ReportingPeriod): Promise<BookingStats> {
    const counts = await this.appointments.countsByStart(businessId, period);
    const byStatus = Object.fromEntries(Object.values(AppointmentStatus).map((s) => [s, 0])) as Record<AppointmentStatus, number>;
    const buckets = new Map<string, BookingTally>();
    for (const r of counts.byBucket) {
      byStatus[r.status] += r.count;
      tally(buckets, r.bucket, r.status, r.count);
    }
    const services = new Map<string, BookingTally>();
    const serviceNames = new Map<string, string>();
    for (const r of counts.byService) {
      tally(services, r.serviceId, r.status, r.count);
      serviceNames.set(r.serviceId, r.serviceName);
    }
    const calendarTallies = new Map<string, BookingTally>();
    for (const r of counts.byCalendar) tally(calendarTallies, r.calendarId, r.status, r.count);
    const calendars = new Map((await this.calendars.findMany(businessId, [...calendarTallies.keys()])).map((c) => [c.id, c]));

    return {
      byBucket: [...buckets].map(([bucket, t]) => ({ bucket, ...t })),
      byStatus,
      byService: [...services]
        .map(([serviceId, t]) => ({ serviceId, name: serviceNames.get(serviceId) ?? '', ...t }))
        .sort((a, b) => byMost(a, b) || a.name.localeCompare(b.name)),
      byCalendar: [...calendarTallies]
        .map(([calendarId, t]) => {
          const c = calendars.get(calendarId);
          return { calendarId, name: c?.name ?? '', kind: c?.kind ?? null, memberId: c?.memberId ?? null, ...t };
        })
        .sort((a, b) => byMost(a, b) || a.name.localeCompare(b.name)),
    };
  }
}
