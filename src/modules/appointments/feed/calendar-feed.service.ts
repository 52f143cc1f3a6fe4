import { Injectable } from '@nestjs/common';
import { NotFoundAppException } from '../../../common/problem/app.exception';
import { BookingSettingsService } from '../../booking-settings/booking-settings.service';
import { BusinessDirectory } from '../../business/business-directory.service';
import { CalendarsService } from '../../calendars/calendars.service';
import { AppointmentStatus } from '../appointment-status';
import { AppointmentsRepository } from '../appointments.repository';
import type { Appointment } from '../entities/appointment.entity';
import { buildIcs, IcsEvent } from './ics-writer';

const DAY_MS = 86_400_000;
/** The feed shows the recent past and the coming year. */
const PAST_DAYS = 60;
const FUTURE_DAYS = 366;

function toEvent(a: Appointment): IcsEvent {
  const c = a.customer;
  const who = c ? [c.firstName, c.lastName].filter(Boolean).join(' ') : '';
  const details = [
    c?.phone ? `טלפון: ${c.phone}` : null,
    c?.email ? `דוא"ל: ${c.email}` : null,
    a.notes ? `הערות: ${a.notes}` : null,
    a.meetingUrl ? `קישור: ${a.meetingUrl}` : null,
  ];
  return {
    uid: `${a.id}@chatgrow`,
    start: a.startsAt,
    end: a.endsAt,
    stamp: a.updatedAt,
    summary: who ? `${a.serviceName} – ${who}` : a.serviceName,
    description: details.filter(Boolean).join('\n') || null,
    url: a.meetingUrl,
    status: a.status === AppointmentStatus.pending ? 'TENTATIVE' : 'CONFIRMED',
    sequence: a.sequence,
  };
}

/** The iCalendar feed of one calendar, opened by its secret token (no login: calendar apps fetch it). */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly calendars: CalendarsService,
    private readonly appointments: AppointmentsRepository,
    private readonly settings: BookingSettingsService,
    private readonly businesses: BusinessDirectory,
  ) {}

  /** 404 for an unknown calendar, a revoked feed and a wrong token alike (nothing to learn by guessing). */
  async render(calendarId: string, token: string | undefined, now = new Date()): Promise<string> {
    const calendar = await this.calendars.authenticateFeed(calendarId, token);
    if (!calendar) throw new NotFoundAppException('calendar_feed');
    const [rows, rules, business] = await Promise.all([
      this.appointments.forFeed(
        calendar.businessId,
        calendar.id,
        new Date(now.getTime() - PAST_DAYS * DAY_MS),
        new Date(now.getTime() + FUTURE_DAYS * DAY_MS),
      ),
      this.settings.rules(calendar.businessId),
      this.businesses.require(calendar.businessId),
    ]);
    return buildIcs({
      name: business ? `${calendar.name} · ${business.name}` : calendar.name,
      timeZone: rules.timeZone,
      events: rows.map(toEvent),
    });
  }
}
