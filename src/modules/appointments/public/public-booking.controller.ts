import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { PublicReadThrottle } from '../../../common/http/public-throttle';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { ProblemDetails } from '../../../common/problem/problem-details';
import { SlotsQueryDto } from '../dto/appointment-input.dto';
import { PublicBookingDto, PublicBookingResultDto, PublicServiceDto } from '../dto/public.dto';
import { SlotsDto } from '../dto/slots.dto';
import { PublicBookingService } from './public-booking.service';
import { ApiIdempotencyKey, markReplayed } from '../../idempotency/idempotency.http';

/** Per client address and route, per minute: enough for a person, not for a scraper. */
@ApiTags('public: booking')
@Public()
@PublicReadThrottle()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No business with this slug, or no such service' })
@ApiTooManyRequestsResponse({ type: ProblemDetails })
@Controller('public/:businessSlug')
export class PublicBookingController {
  constructor(private readonly publicBooking: PublicBookingService) {}

  @Get('services')
  @ApiOperation({ summary: 'The services a business offers online, with who performs them' })
  @ApiOkResponse({ type: [PublicServiceDto] })
  services(@Param('businessSlug') slug: string): Promise<PublicServiceDto[]> {
    return this.publicBooking.services(slug);
  }

  @Get('slots')
  @ApiOperation({ summary: 'Free start times of a service' })
  @ApiOkResponse({ type: SlotsDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  slots(@Param('businessSlug') slug: string, @Query() q: SlotsQueryDto): Promise<SlotsDto> {
    return this.publicBooking.slots(slug, q);
  }

  @Post('appointments')
  @ApiOperation({ summary: 'Book an offered slot without an account; the answer carries a self-service link' })
  @ApiIdempotencyKey('booking')
  @ApiCreatedResponse({ type: PublicBookingResultDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The time is not (or no longer) free' })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'Idempotency-Key reused with another body' })
  async book(
    @Param('businessSlug') slug: string,
    @Body() dto: PublicBookingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PublicBookingResultDto> {
    const { body, replayed } = await this.publicBooking.book(slug, dto, key);
    markReplayed(res, replayed);
    return body as PublicBookingResultDto;
  }
}
