import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { CalendarOverridesRepository } from './calendar-overrides.repository';
import { InvalidScheduleException } from './calendars.exception';
import { CalendarsRepository } from './calendars.repository';
import { CalendarsService } from './calendars.service';
import type { ScheduleDto } from './dto/schedule.dto';
import { Schedule, scheduleErrors } from './schedule';

const sortWeekly = (s: Schedule['weekly']) => [...s].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));

/** Weekly hours and date overrides of calendars. */
@Injectable()
export class CalendarScheduleService {
  constructor(
    private readonly calendarsService: CalendarsService,
    private readonly calendars: CalendarsRepository,
    private readonly overrides: CalendarOverridesRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async get(businessId: string, calendarId: string, from?: string): Promise<ScheduleDto> {
    const calendar = await this.calendarsService.require(businessId, calendarId);
    const rows = await this.overrides.forCalendars(businessId, [calendar.id], from);
    return { weekly: sortWeekly(calendar.weekly), overrides: rows.map((o) => ({ date: o.date, ranges: o.ranges })) };
  }

  /** Replaces the weekly hours and all overrides at once. */
  async replace(businessId: string, calendarId: string, dto: ScheduleDto): Promise<ScheduleDto> {
    const errors = scheduleErrors(dto);
    if (errors.length) throw new InvalidScheduleException(errors);
    const calendar = await this.calendarsService.require(businessId, calendarId);
    const weekly = sortWeekly(dto.weekly.map((r) => ({ weekday: r.weekday, start: r.start, end: r.end })));
    await this.tx.run(async (em) => {
      calendar.weekly = weekly;
      await this.calendars.withManager(em).save(businessId, calendar);
      await this.overrides.withManager(em).replaceAll(businessId, calendar.id, dto.overrides);
    });
    return this.get(businessId, calendarId);
  }

  /** The schedules of several calendars for local dates [fromDate, toDate], for slot computation. */
  async schedulesFor(businessId: string, calendarIds: string[], fromDate: string, toDate: string): Promise<Map<string, Schedule>> {
    const [calendars, rows] = await Promise.all([
      this.calendars.findManyByIds(businessId, calendarIds),
      this.overrides.forCalendars(businessId, calendarIds, fromDate, toDate),
    ]);
    const out = new Map<string, Schedule>();
    for (const c of calendars) out.set(c.id, { weekly: c.weekly, overrides: [] });
    for (const o of rows) out.get(o.calendarId)?.overrides.push({ date: o.date, ranges: o.ranges });
    return out;
  }
}
