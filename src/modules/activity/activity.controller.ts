import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { ActivityService } from './activity.service';
import { ActivityEntryDto } from './dto/activity-entry.dto';
import { ActivityQueryDto } from './dto/activity-query.dto';

@ApiTags('activity')
@ApiAuth()
@Roles(Role.owner, Role.admin)
@Controller('activity')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Get()
  @ApiOperation({ summary: "The business's activity log, newest first" })
  @ApiPaginatedResponse(ActivityEntryDto)
  async list(@CurrentBusiness() businessId: string, @Query() query: ActivityQueryDto): Promise<Paginated<ActivityEntryDto>> {
    const { entityType, entityId, actorId, action, customerId, from, to } = query;
    const filter = {
      entityType,
      entityId,
      actorId,
      action,
      customerId,
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
    };
    const { items, total } = await this.activity.list(businessId, filter, query);
    return paginated(items, query, total);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One activity entry' })
  @ApiOkResponse({ type: ActivityEntryDto })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<ActivityEntryDto> {
    return this.activity.get(businessId, id);
  }
}
