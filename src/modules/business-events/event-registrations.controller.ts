import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { ApiAuth, CurrentActor, CurrentBusiness } from '../../common/auth/auth.decorators';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { eventActor } from '../../common/domain-events/event-actor';
import { CreateRegistrationDto } from './dto/registration-input.dto';
import { RegistrationDto, RegistrationQueryDto } from './dto/registration.dto';
import { RegistrationsService } from './registrations.service';

@ApiTags('events')
@ApiAuth()
@Controller('events/:id/registrations')
export class EventRegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post()
  @Activity('registration.create', 'event_registration', { recordedByEvents: true })
  @ApiOperation({
    summary:
      'Register a customer (existing `customerId`, or a new `customer` matched by phone/email or created); waitlisted when the event is full',
  })
  @ApiCreatedResponse({ type: RegistrationDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, or the customer named twice (`customerId` and `customer`)', type: ProblemDetails })
  @ApiNotFoundResponse({ description: 'No such event or customer', type: ProblemDetails })
  @ApiConflictResponse({ description: 'Already registered, or the event is cancelled', type: ProblemDetails })
  register(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) eventId: string,
    @Body() dto: CreateRegistrationDto,
  ): Promise<RegistrationDto> {
    return this.registrations.register(actor.businessId, eventId, dto, eventActor(actor));
  }

  @Get()
  @ApiOperation({ summary: "The event's registrations in admission order (the waitlist is in promotion order)" })
  @ApiPaginatedResponse(RegistrationDto)
  @ApiNotFoundResponse({ type: ProblemDetails })
  async list(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) eventId: string,
    @Query() query: RegistrationQueryDto,
  ): Promise<Paginated<RegistrationDto>> {
    const [items, total] = await this.registrations.list(businessId, eventId, query);
    return paginated(items, query, total);
  }

  @Delete(':registrationId')
  @Activity('registration.cancel', 'event_registration', { recordedByEvents: true })
  @ApiOperation({ summary: 'Cancel a registration (idempotent); a freed place goes to the oldest waitlisted registration' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiNotFoundResponse({ type: ProblemDetails })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) eventId: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
  ): Promise<RegistrationDto> {
    return this.registrations.cancel(actor.businessId, eventId, registrationId, eventActor(actor));
  }
}
