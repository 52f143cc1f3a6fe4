import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness } from '../../common/auth/auth.decorators';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { AutomationRunsService } from './automation-runs.service';
import { AutomationRunDto, AutomationRunQueryDto } from './dto/automation-run.dto';

@ApiTags('automations')
@ApiAuth()
@Controller('automations/runs')
export class AutomationRunsController {
  constructor(private readonly runs: AutomationRunsService) {}

  @Get()
  @ApiOperation({ summary: 'Automation runs, newest first, with their steps (filters: rule, customer, status)' })
  @ApiPaginatedResponse(AutomationRunDto)
  async list(@CurrentBusiness() businessId: string, @Query() q: AutomationRunQueryDto): Promise<Paginated<AutomationRunDto>> {
    const [items, total] = await this.runs.list(businessId, { ruleId: q.ruleId, customerId: q.customerId, status: q.status }, q);
    return paginated(items, q, total);
  }

  @Get(':runId')
  @ApiOperation({ summary: 'One run: trigger, customer, rule version, steps done and result' })
  @ApiOkResponse({ type: AutomationRunDto })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No such run in this business' })
  get(@CurrentBusiness() businessId: string, @Param('runId', ParseUUIDPipe) runId: string): Promise<AutomationRunDto> {
    return this.runs.get(businessId, runId);
  }
}
