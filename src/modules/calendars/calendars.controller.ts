import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { ApiAuth, CurrentActor, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { CalendarScheduleService } from './calendar-schedule.service';
import { CalendarsService } from './calendars.service';
import { CalendarDto, CalendarQueryDto, CreateCalendarDto, FeedTokenDto, UpdateCalendarDto } from './dto/calendar.dto';
import { ScheduleDto, ScheduleQueryDto } from './dto/schedule.dto';

@ApiTags('calendars')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such calendar in this business' })
@Controller('calendars')
export class CalendarsController {
  constructor(
    private readonly calendars: CalendarsService,
    private readonly schedules: CalendarScheduleService,
  ) {}

  @Post()
  @Roles(Role.owner, Role.admin)
  @Activity('calendar.create', 'calendar')
  @ApiOperation({ summary: 'Create a staff calendar (memberId) or a resource calendar (a room, a chair)' })
  @ApiCreatedResponse({ type: CalendarDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The staff member already has a calendar' })
  create(@CurrentBusiness() businessId: string, @Body() dto: CreateCalendarDto): Promise<CalendarDto> {
    return this.calendars.create(businessId, dto);
  }

  @Get()
  @ApiOperation({ summary: "The business's calendars" })
  @ApiPaginatedResponse(CalendarDto)
  async list(@CurrentBusiness() businessId: string, @Query() query: CalendarQueryDto): Promise<Paginated<CalendarDto>> {
    const [items, total] = await this.calendars.list(businessId, { active: query.active }, query);
    return paginated(items, query, total);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One calendar with its weekly hours' })
  @ApiOkResponse({ type: CalendarDto })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<CalendarDto> {
    return this.calendars.get(businessId, id);
  }

  @Patch(':id')
  @Roles(Role.owner, Role.admin)
  @Activity('calendar.update', 'calendar')
  @ApiOperation({ summary: 'Rename or (de)activate a calendar' })
  @ApiOkResponse({ type: CalendarDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  update(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCalendarDto,
  ): Promise<CalendarDto> {
    return this.calendars.update(businessId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('calendar.delete', 'calendar')
  @ApiOperation({ summary: 'Delete a calendar that has no appointments' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDetails, description: 'The calendar has appointments' })
  async remove(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.calendars.remove(businessId, id);
  }

  @Get(':id/schedule')
  @ApiOperation({ summary: 'Weekly hours and date overrides' })
  @ApiOkResponse({ type: ScheduleDto })
  getSchedule(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ScheduleQueryDto,
  ): Promise<ScheduleDto> {
    return this.schedules.get(businessId, id, query.from);
  }

  @Put(':id/schedule')
  @Roles(Role.owner, Role.admin)
  @Activity('calendar.schedule', 'calendar')
  @ApiOperation({ summary: 'Replace the weekly hours and all date overrides (an override with no ranges is a day off)' })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Field paths such as weekly.2.end or overrides.0.ranges.1.start' })
  putSchedule(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ScheduleDto,
  ): Promise<ScheduleDto> {
    return this.schedules.replace(businessId, id, dto);
  }

  @Post(':id/feed-token')
  @Activity('calendar.feed_rotate', 'calendar')
  @ApiOperation({ summary: 'Publish or rotate the iCalendar feed link (owners, admins, or the calendar’s staff member)' })
  @ApiCreatedResponse({ type: FeedTokenDto })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'Staff may manage only the feed of their own calendar' })
  rotateFeed(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<FeedTokenDto> {
    return this.calendars.rotateFeedToken(actor, id);
  }

  @Delete(':id/feed-token')
  @HttpCode(204)
  @Activity('calendar.feed_revoke', 'calendar')
  @ApiOperation({ summary: 'Revoke the iCalendar feed link' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'Staff may manage only the feed of their own calendar' })
  async revokeFeed(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.calendars.revokeFeedToken(actor, id);
  }
}
