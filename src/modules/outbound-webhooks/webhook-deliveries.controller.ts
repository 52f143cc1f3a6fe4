import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { WebhookDeliveryDetailDto } from './dto/webhook-delivery.dto';
import { WebhookDeliveryLogService } from './webhook-delivery-log.service';

@ApiTags('outbound-webhooks')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such delivery in this business' })
@Controller('webhooks/deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly log: WebhookDeliveryLogService) {}

  @Get(':deliveryId')
  @ApiOperation({ summary: 'One webhook delivery: its attempts so far and the body sent' })
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  get(@CurrentBusiness() businessId: string, @Param('deliveryId', ParseUUIDPipe) id: string): Promise<WebhookDeliveryDetailDto> {
    return this.log.get(businessId, id);
  }

  @Post(':deliveryId/redeliver')
  @HttpCode(202)
  @Roles(Role.owner, Role.admin)
  @Activity('webhook_delivery.redeliver', 'webhook_delivery')
  @ApiOperation({ summary: 'Deliver again: a new series of attempts with the same event id and body' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDetailDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The delivery is still pending, or its endpoint is disabled' })
  redeliver(@CurrentBusiness() businessId: string, @Param('deliveryId', ParseUUIDPipe) id: string): Promise<WebhookDeliveryDetailDto> {
    return this.log.redeliver(businessId, id);
  }
}
