import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness } from '../../common/auth/auth.decorators';
import { ProblemDetails } from '../../common/problem/problem-details';
import { StatsQueryDto } from './dto/stats-query.dto';
import { StatsDto } from './dto/stats.dto';
import { StatsService } from './stats.service';

/** `/provider/stats`: the dashboard's figures (outside the `/api` prefix, authenticated like every business route). */
@ApiTags('provider')
@ApiAuth()
@Controller('provider/stats')
export class ProviderStatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOperation({
    summary: 'Figures of a period for the dashboard: revenue, payments, bookings, registrations, new customers, messages',
    description:
      'For `[from, to)` (default: the current month), bucketed by `granularity` (day or month) in the business time zone, every bucket present (zero-filled): ' +
      'revenue (payments paid minus refunds that succeeded, by when the money moved, in agorot; payments are in ILS), payments paid, ' +
      'appointments starting in the period (cancelled ones counted apart, not as bookings) by status, service and staff member, ' +
      'event registrations made, customers created, messages written by status, and the 5 customers who paid most. ' +
      'A period whose `to` is not after `from`, or longer than 366 days by day (10 years by month), is a 400 naming the field.',
  })
  @ApiOkResponse({ type: StatsDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'An unreadable date, `to` not after `from`, or a period too long' })
  get(@CurrentBusiness() businessId: string, @Query() query: StatsQueryDto): Promise<StatsDto> {
    return this.stats.stats(businessId, query);
  }
}
