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
import { ApiAuth, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { CreateSubscriberDto, SubscriberDto, SubscriberQueryDto, UpdateSubscriberDto } from './dto/subscriber.dto';
import { SubscribersService } from './subscribers.service';

@ApiTags('subscribers')
@ApiAuth()
@Controller('subscribers')
export class SubscribersController {
  constructor(private readonly subscribers: SubscribersService) {}

  @Get()
  @ApiOperation({ summary: 'The marketing list, newest first (filter by list, status, channel)' })
  @ApiPaginatedResponse(SubscriberDto)
  @ApiBadRequestResponse({ type: ProblemDetails })
  async list(@CurrentBusiness() businessId: string, @Query() query: SubscriberQueryDto): Promise<Paginated<SubscriberDto>> {
    const [items, total] = await this.subscribers.list(businessId, query);
    return paginated(items, query, total);
  }

  @Post()
  @Activity('subscriber.create', 'subscriber')
  @ApiOperation({ summary: 'Add a subscriber whose consent you hold (emailStatus `pending` sends a confirmation link instead)' })
  @ApiCreatedResponse({ type: SubscriberDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ description: 'The email or phone is already on the list', type: ProblemDetails })
  create(@CurrentBusiness() businessId: string, @Body() dto: CreateSubscriberDto): Promise<SubscriberDto> {
    return this.subscribers.create(businessId, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscriber' })
  @ApiOkResponse({ type: SubscriberDto })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SubscriberDto> {
    return this.subscribers.get(businessId, id);
  }

  @Patch(':id')
  @Activity('subscriber.update', 'subscriber')
  @ApiOperation({ summary: 'Change a subscriber (a new address starts its consent over)' })
  @ApiOkResponse({ type: SubscriberDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails })
  update(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSubscriberDto,
  ): Promise<SubscriberDto> {
    return this.subscribers.update(businessId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('subscriber.delete', 'subscriber')
  @ApiOperation({ summary: 'Delete a subscriber and their consent record' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails })
  async remove(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.subscribers.remove(businessId, id);
  }
}
