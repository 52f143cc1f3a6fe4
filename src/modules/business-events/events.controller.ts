import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import { CreateEventDto, EventDto, EventQueryDto, UpdateEventDto } from './dto/event.dto';
import { eventActor } from '../../common/domain-events/event-actor';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({ summary: 'Events (filter: upcoming or past, status)' })
  @ApiPaginatedResponse(EventDto)
  @ApiBadRequestResponse({ type: ProblemDetails })
  async list(@CurrentBusiness() businessId: string, @Query() query: EventQueryDto): Promise<Paginated<EventDto>> {
    const [items, total] = await this.events.list(businessId, query);
    return paginated(items, query, total);
  }

  @Post()
  @Roles(Role.owner, Role.admin)
  @Activity('event.create', 'event')
  @ApiOperation({ summary: 'Create an event (times with offset, or local time in the business time zone)' })
  @ApiCreatedResponse({ type: EventDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  create(@CurrentBusiness() businessId: string, @Body() dto: CreateEventDto): Promise<EventDto> {
    return this.events.create(businessId, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One event with its registration counts' })
  @ApiOkResponse({ type: EventDto })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<EventDto> {
    return this.events.get(businessId, id);
  }

  @Patch(':id')
  @Roles(Role.owner, Role.admin)
  @Activity('event.update', 'event')
  @ApiOperation({ summary: 'Change an event; `status: cancelled` cancels it and all its registrations' })
  @ApiOkResponse({ type: EventDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({
    description: 'The event is cancelled, or the capacity is below the confirmed registrations',
    type: ProblemDetails,
  })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateEventDto): Promise<EventDto> {
    return this.events.update(actor.businessId, id, dto, eventActor(actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('event.delete', 'event')
  @ApiOperation({ summary: 'Delete an event nobody is registered for (otherwise cancel it)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails })
  async remove(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.events.remove(businessId, id);
  }
}
