import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { AutomationRulesService } from './automation-rules.service';
import { AutomationRuleDto, AutomationRuleVersionDto, CreateAutomationRuleDto, UpdateAutomationRuleDto } from './dto/automation-rule.dto';

const INVALID = 'The trigger, conditions or an action is invalid (errors give the field path, e.g. `actions.1.hours`)';

@ApiTags('automations')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such automation in this business' })
@Controller('automations')
export class AutomationsController {
  constructor(private readonly rules: AutomationRulesService) {}

  @Post()
  @Roles(Role.owner, Role.admin)
  @Activity('automation.create', 'automation')
  @ApiOperation({ summary: 'Create an automation rule: a trigger, conditions on the customer, and actions' })
  @ApiCreatedResponse({ type: AutomationRuleDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: INVALID })
  create(@CurrentBusiness() businessId: string, @Body() dto: CreateAutomationRuleDto): Promise<AutomationRuleDto> {
    return this.rules.create(businessId, dto);
  }

  @Get()
  @ApiOperation({ summary: "The business's automation rules, oldest first" })
  @ApiPaginatedResponse(AutomationRuleDto)
  async list(@CurrentBusiness() businessId: string, @Query() query: PageQueryDto): Promise<Paginated<AutomationRuleDto>> {
    const [items, total] = await this.rules.list(businessId, query);
    return paginated(items, query, total);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One automation rule (its current version)' })
  @ApiOkResponse({ type: AutomationRuleDto })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<AutomationRuleDto> {
    return this.rules.get(businessId, id);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: "The rule's versions, newest first (runs keep the version they started with)" })
  @ApiPaginatedResponse(AutomationRuleVersionDto)
  async versions(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Paginated<AutomationRuleVersionDto>> {
    const [items, total] = await this.rules.versionsOf(businessId, id, query);
    return paginated(items, query, total);
  }

  @Patch(':id')
  @Roles(Role.owner, Role.admin)
  @Activity('automation.update', 'automation')
  @ApiOperation({ summary: 'Rename, enable or disable a rule, or change it (a change of trigger, conditions or actions is a new version)' })
  @ApiOkResponse({ type: AutomationRuleDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: INVALID })
  update(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAutomationRuleDto,
  ): Promise<AutomationRuleDto> {
    return this.rules.update(businessId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('automation.delete', 'automation')
  @ApiOperation({ summary: 'Delete a rule with its versions and runs (runs in progress stop)' })
  @ApiNoContentResponse()
  async remove(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rules.remove(businessId, id);
  }
}
