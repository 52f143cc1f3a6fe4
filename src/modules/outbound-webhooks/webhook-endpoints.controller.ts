import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { WebhookDeliveryDetailDto, WebhookDeliveryDto, WebhookDeliveryQueryDto } from './dto/webhook-delivery.dto';
import {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointDto,
  WebhookEndpointWithSecretDto,
} from './dto/webhook-endpoint.dto';
import { WebhookDeliveryLogService } from './webhook-delivery-log.service';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookFanoutService } from './webhook-fanout.service';

const URL_REFUSED =
  'The URL is refused (not https, credentials in it, or its host resolves to a loopback, private, link-local or other internal address) or does not resolve';

@ApiTags('outbound-webhooks')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such endpoint in this business' })
@Controller('webhooks/endpoints')
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly log: WebhookDeliveryLogService,
    private readonly fanout: WebhookFanoutService,
  ) {}

  @Post()
  @Roles(Role.owner, Role.admin)
  @Activity('webhook_endpoint.create', 'webhook_endpoint')
  @ApiOperation({ summary: 'Register a webhook endpoint for chosen event types (the signing secret is in this answer only)' })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: URL_REFUSED })
  create(@CurrentBusiness() businessId: string, @Body() dto: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.create(businessId, dto);
  }

  @Get()
  @ApiOperation({ summary: "The business's webhook endpoints" })
  @ApiPaginatedResponse(WebhookEndpointDto)
  async list(@CurrentBusiness() businessId: string, @Query() query: PageQueryDto): Promise<Paginated<WebhookEndpointDto>> {
    const [items, total] = await this.endpoints.list(businessId, query);
    return paginated(items, query, total);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook endpoint' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.get(businessId, id);
  }

  @Patch(':id')
  @Roles(Role.owner, Role.admin)
  @Activity('webhook_endpoint.update', 'webhook_endpoint')
  @ApiOperation({ summary: 'Change an endpoint; `status: enabled` re-enables a disabled one and resets its failure count' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: URL_REFUSED })
  update(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.update(businessId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('webhook_endpoint.delete', 'webhook_endpoint')
  @ApiOperation({ summary: 'Remove an endpoint and its delivery log' })
  @ApiNoContentResponse()
  async remove(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.endpoints.remove(businessId, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Roles(Role.owner, Role.admin)
  @Activity('webhook_endpoint.rotate_secret', 'webhook_endpoint')
  @ApiOperation({ summary: 'A new signing secret (in this answer only); for 24 hours deliveries carry a signature with the old one too' })
  @ApiOkResponse({ type: WebhookEndpointWithSecretDto })
  rotateSecret(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointWithSecretDto> {
    return this.endpoints.rotateSecret(businessId, id);
  }

  @Post(':id/test')
  @HttpCode(202)
  @Roles(Role.owner, Role.admin)
  @Activity('webhook_endpoint.test', 'webhook_endpoint')
  @ApiOperation({ summary: 'Send a `ping` event to the endpoint (queued like any delivery; follow it in the log)' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDetailDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The endpoint is disabled' })
  test(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryDetailDto> {
    return this.fanout.ping(businessId, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "The endpoint's delivery log, newest first" })
  @ApiPaginatedResponse(WebhookDeliveryDto)
  @ApiBadRequestResponse({ type: ProblemDetails })
  async deliveries(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: WebhookDeliveryQueryDto,
  ): Promise<Paginated<WebhookDeliveryDto>> {
    const [items, total] = await this.log.list(businessId, id, query.status, query);
    return paginated(items, query, total);
  }
}
