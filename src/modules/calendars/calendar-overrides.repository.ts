import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, FindOptionsWhere, In, MoreThanOrEqual, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import type { DateOverride } from './schedule';
import { CalendarOverride } from './entities/calendar-override.entity';

@Injectable()
export class CalendarOverridesRepository extends TenantRepository<CalendarOverride> {
  constructor(@InjectRepository(CalendarOverride) repo: Repository<CalendarOverride>) {
    super(repo);
  }

  /** Overrides of these calendars, optionally limited to dates in [from, to] (inclusive, `YYYY-MM-DD`). */
  async forCalendars(businessId: string, calendarIds: string[], from?: string, to?: string): Promise<CalendarOverride[]> {
    if (calendarIds.length === 0) return [];
    const where: FindOptionsWhere<CalendarOverride> = { calendarId: In(calendarIds) };
    if (from && to) where.date = Between(from, to);
    else if (from) where.date = MoreThanOrEqual(from);
    return this.findMany(businessId, where, { date: 'ASC' });
  }

  /** Replaces all overrides of a calendar (call inside the schedule transaction). */
  async replaceAll(businessId: string, calendarId: string, overrides: DateOverride[]): Promise<void> {
    await this.repo.delete(this.scoped(businessId, { calendarId }));
    if (overrides.length === 0) return;
    await this.repo.insert(
      overrides.map((o) => ({ businessId, calendarId, date: o.date, ranges: o.ranges.map((r) => ({ start: r.start, end: r.end })) })),
    );
  }
}
