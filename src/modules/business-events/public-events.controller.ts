import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorators';
import { PublicFormThrottle } from '../../common/http/public-throttle';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { PublicEventDto } from './dto/event.dto';
import { PublicRegistrationDto } from './dto/registration-input.dto';
import { PublicRegistrationResultDto } from './dto/registration.dto';
import { EventsService } from './events.service';
import { RegistrationsService } from './registrations.service';

@ApiTags('public: events')
@Public()
@Controller('public/:businessSlug/events')
export class PublicEventsController {
  constructor(
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: "A business's published events that have not ended, soonest first" })
  @ApiPaginatedResponse(PublicEventDto)
  @ApiNotFoundResponse({ description: 'No business with this slug', type: ProblemDetails })
  async list(@Param('businessSlug') slug: string, @Query() query: PageQueryDto): Promise<Paginated<PublicEventDto>> {
    const [items, total] = await this.events.listPublic(slug, query);
    return paginated(items, query, total);
  }

  @Post(':id/register')
  @PublicFormThrottle()
  @ApiOperation({ summary: 'Register for an event (`customer` is matched by phone/email, or created); waitlisted when full' })
  @ApiCreatedResponse({ type: PublicRegistrationResultDto })
  @ApiBadRequestResponse({
    description: 'Invalid fields, or the customer named twice (`customer` and the flat fields)',
    type: ProblemDetails,
  })
  @ApiNotFoundResponse({ description: 'No such business or published event', type: ProblemDetails })
  @ApiConflictResponse({ description: 'Already registered, or registration is closed', type: ProblemDetails })
  @ApiTooManyRequestsResponse({ type: ProblemDetails })
  register(
    @Param('businessSlug') slug: string,
    @Param('id', ParseUUIDPipe) eventId: string,
    @Body() dto: PublicRegistrationDto,
  ): Promise<PublicRegistrationResultDto> {
    return this.registrations.registerPublic(slug, eventId, dto);
  }
}
