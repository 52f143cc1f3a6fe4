import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { ApiAuth, CurrentActor, CurrentBusiness } from '../../common/auth/auth.decorators';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { AppointmentsService } from './appointments.service';
import { AvailabilityService } from './availability/availability.service';
import { AppointmentDto } from './dto/appointment.dto';
import {
  AppointmentQueryDto,
  CancelAppointmentDto,
  CreateAppointmentDto,
  SlotsQueryDto,
  UpdateAppointmentDto,
} from './dto/appointment-input.dto';
import { SlotsDto } from './dto/slots.dto';
import { ApiIdempotencyKey, markReplayed } from '../idempotency/idempotency.http';

@ApiTags('appointments')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such appointment (or service, calendar, customer) in this business' })
@Controller('appointments')
export class AppointmentsController {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly availability: AvailabilityService,
  ) {}

  @Get('slots')
  @ApiOperation({ summary: 'Free start times of a service, in the business time zone (schedules, overrides, buffers, notice, window)' })
  @ApiOkResponse({ type: SlotsDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The service is inactive (it cannot be booked)' })
  slots(@CurrentBusiness() businessId: string, @Query() q: SlotsQueryDto): Promise<SlotsDto> {
    return this.availability.slots(businessId, q, { publicView: false });
  }

  @Post()
  @Activity('appointment.create', 'appointment', { recordedByEvents: true })
  @ApiOperation({ summary: 'Book an appointment (no double booking: PostgreSQL refuses overlaps)' })
  @ApiIdempotencyKey('appointment')
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The time overlaps another appointment (the body names it)' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'Idempotency-Key reused with another body, or the calendar does not perform the service',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateAppointmentDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AppointmentDto> {
    const { body, replayed } = await this.appointments.create(actor, dto, key);
    markReplayed(res, replayed);
    return body as AppointmentDto;
  }

  @Get()
  @ApiOperation({ summary: 'Appointments, filtered by time range, calendar, service, status or customer' })
  @ApiPaginatedResponse(AppointmentDto)
  async list(@CurrentBusiness() businessId: string, @Query() q: AppointmentQueryDto): Promise<Paginated<AppointmentDto>> {
    const [items, total] = await this.appointments.list(businessId, q);
    return paginated(items, q, total);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One appointment' })
  @ApiOkResponse({ type: AppointmentDto })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<AppointmentDto> {
    return this.appointments.get(businessId, id);
  }

  @Patch(':id')
  @Activity('appointment.update', 'appointment', { recordedByEvents: true })
  @ApiOperation({ summary: 'Reschedule (startsAt, calendarId) or edit notes; moving onto a taken time is 409 and changes nothing' })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAppointmentDto): Promise<AppointmentDto> {
    return this.appointments.update(actor, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Activity('appointment.cancel', 'appointment', { recordedByEvents: true })
  @ApiOperation({ summary: 'Cancel (pending or confirmed); frees the time and removes reminders' })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Not allowed from the current status' })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelAppointmentDto): Promise<AppointmentDto> {
    return this.appointments.transition(actor, id, 'cancel', dto.reason);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Activity('appointment.confirm', 'appointment', { recordedByEvents: true })
  @ApiOperation({ summary: 'Confirm a pending appointment' })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Not allowed from the current status' })
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AppointmentDto> {
    return this.appointments.transition(actor, id, 'confirm');
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Activity('appointment.complete', 'appointment', { recordedByEvents: true })
  @ApiOperation({ summary: "Mark as attended, once it has started (counts a visit on the customer's record)" })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Not allowed from the current status, or not started yet' })
  complete(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AppointmentDto> {
    return this.appointments.transition(actor, id, 'complete');
  }

  @Post(':id/no-show')
  @HttpCode(200)
  @Activity('appointment.no_show', 'appointment', { recordedByEvents: true })
  @ApiOperation({ summary: 'Record that the customer did not come (after the start)' })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Not allowed from the current status, or not started yet' })
  noShow(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AppointmentDto> {
    return this.appointments.transition(actor, id, 'no_show');
  }
}
