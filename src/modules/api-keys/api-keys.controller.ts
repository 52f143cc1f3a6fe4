import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { ApiAuth, CurrentActor, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@ApiAuth()
@Roles(Role.owner, Role.admin)
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Activity('api_key.create', 'api_key')
  @ApiOperation({ summary: 'Create an API key (the secret is in this answer only)' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(actor.businessId, dto, actor.kind === 'user' ? actor.id : null);
  }

  @Get()
  @ApiOperation({ summary: "The business's active API keys" })
  @ApiPaginatedResponse(ApiKeyDto)
  async list(@CurrentBusiness() businessId: string, @Query() query: PageQueryDto): Promise<Paginated<ApiKeyDto>> {
    const [items, total] = await this.apiKeys.list(businessId, query);
    return paginated(items, query, total);
  }

  @Delete(':id')
  @HttpCode(204)
  @Activity('api_key.delete', 'api_key')
  @ApiOperation({ summary: 'Delete (revoke) an API key; it stops working at once' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails })
  async remove(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.apiKeys.revoke(businessId, id);
  }
}
