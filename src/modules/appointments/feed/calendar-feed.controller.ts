import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { PublicReadThrottle } from '../../../common/http/public-throttle';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../common/auth/auth.decorators';
import { ProblemDetails } from '../../../common/problem/problem-details';
import { CalendarFeedService } from './calendar-feed.service';

@ApiTags('calendars')
@Public()
@PublicReadThrottle()
@Controller('calendars')
export class CalendarFeedController {
  constructor(private readonly feed: CalendarFeedService) {}

  @Get(':id/feed.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({
    summary: 'iCalendar feed of a calendar’s appointments, for Google Calendar or Outlook (authenticated by the feed token)',
  })
  @ApiQuery({ name: 'token', required: true, description: 'From POST /api/calendars/{id}/feed-token' })
  @ApiOkResponse({ description: 'RFC 5545 calendar', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'Unknown calendar, revoked feed or wrong token' })
  ics(@Param('id', ParseUUIDPipe) id: string, @Query('token') token?: string): Promise<string> {
    return this.feed.render(id, token);
  }
}
