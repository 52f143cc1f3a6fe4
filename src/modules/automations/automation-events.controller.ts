import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentActor, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import type { Actor } from '../../common/auth/actor';
import { Role } from '../../common/auth/role';
import { eventActor } from '../../common/domain-events/event-actor';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { ApiIdempotencyKey } from '../idempotency/idempotency.http';
import { AutomationExternalEventsService } from './automation-external-events.service';
import { AutomationEventAcceptedDto, FireAutomationEventDto } from './dto/automation-event.dto';

@ApiTags('automations')
@ApiAuth()
@Controller('automations/events')
export class AutomationEventsController {
  constructor(private readonly events: AutomationExternalEventsService) {}

  @Post()
  @HttpCode(202)
  @Roles(Role.owner, Role.admin, Role.staff)
  @Activity('automation.event', 'automation')
  @ApiOperation({
    summary: 'Fire a named trigger for a customer found by phone or email (an outside system, with an x-api-key); rules run as jobs',
  })
  @ApiIdempotencyKey('event (rules fire once for it)')
  @ApiAcceptedResponse({ type: AutomationEventAcceptedDto })
  @ApiBadRequestResponse({
    type: ProblemDetails,
    description: 'No phone or email, an invalid one, or no firstName to create the customer with',
  })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No customer has that phone or email, and createCustomer is not true' })
  fire(
    @CurrentBusiness() businessId: string,
    @CurrentActor() actor: Actor,
    @Body() dto: FireAutomationEventDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<AutomationEventAcceptedDto> {
    return this.events.fire(businessId, dto, key, eventActor(actor));
  }
}
