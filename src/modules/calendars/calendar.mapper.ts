import type { CalendarDto } from './dto/calendar.dto';
import type { Calendar } from './entities/calendar.entity';

export const toCalendarDto = (c: Calendar): CalendarDto => ({
  id: c.id,
  kind: c.kind,
  memberId: c.memberId,
  name: c.name,
  active: c.active,
  weekly: c.weekly,
  feedEnabled: c.feedTokenHash !== null,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});
