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
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { CampaignScheduleService } from './campaign-schedule.service';
import { CampaignTestSendService } from './campaign-test-send.service';
import { CampaignsService } from './campaigns.service';
import { CampaignSuggestionsDto, SuggestCampaignDto } from './dto/campaign-suggestion.dto';
import { CampaignSuggestionsService } from './suggestions/campaign-suggestions.service';
import {
  CampaignDto,
  CampaignQueryDto,
  CampaignStatsDto,
  CreateCampaignDto,
  ScheduleCampaignDto,
  TestSendDto,
  TestSendResultDto,
  UpdateCampaignDto,
} from './dto/campaign.dto';

@ApiTags('campaigns')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such campaign (or segment) in this business' })
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly schedules: CampaignScheduleService,
    private readonly tests: CampaignTestSendService,
    private readonly suggestions: CampaignSuggestionsService,
  ) {}

  @Post()
  @Roles(Role.owner, Role.admin)
  @Activity('campaign.create', 'campaign')
  @ApiOperation({ summary: 'Create a draft campaign: a segment, a channel and the Liquid text sent to each member' })
  @ApiCreatedResponse({ type: CampaignDto })
  @ApiBadRequestResponse({
    type: ProblemDetails,
    description: 'Invalid fields, or Liquid that does not parse or uses a variable campaigns do not have',
  })
  create(@CurrentBusiness() businessId: string, @Body() dto: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(businessId, dto);
  }

  @Get()
  @ApiOperation({ summary: "The business's campaigns, newest first" })
  @ApiPaginatedResponse(CampaignDto)
  @ApiBadRequestResponse({ type: ProblemDetails })
  async list(@CurrentBusiness() businessId: string, @Query() query: CampaignQueryDto): Promise<Paginated<CampaignDto>> {
    const [items, total] = await this.campaigns.list(businessId, query);
    return paginated(items, query, total);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign' })
  @ApiOkResponse({ type: CampaignDto })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignDto> {
    return this.campaigns.get(businessId, id);
  }

  @Patch(':id')
  @Roles(Role.owner, Role.admin)
  @Activity('campaign.update', 'campaign')
  @ApiOperation({ summary: 'Change a draft or scheduled campaign' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'It is sending, sent or cancelled (`campaign.not_editable`)' })
  update(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCampaignDto,
  ): Promise<CampaignDto> {
    return this.campaigns.update(businessId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('campaign.delete', 'campaign')
  @ApiOperation({ summary: 'Delete a campaign (and its stats); a sending one is cancelled first' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDetails, description: 'It is sending' })
  async remove(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.campaigns.remove(businessId, id);
  }

  @Post('suggest')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Message copy to start a campaign from, by goal (win back, birthday, new service, event promotion)',
    description:
      "Hand-written Hebrew and English copy; with `AI_DRIVER=openai`, the model's copy when enough of it passes the same checks (template variables only, no links, SMS length).",
  })
  @ApiOkResponse({ type: CampaignSuggestionsDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  suggest(@Body() dto: SuggestCampaignDto): Promise<CampaignSuggestionsDto> {
    return this.suggestions.suggest(dto);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @Roles(Role.owner, Role.admin)
  @Activity('campaign.schedule', 'campaign')
  @ApiOperation({
    summary: 'Send now, or at a time (a wall-clock time is read in the business time zone); a scheduled campaign may be moved',
  })
  @ApiOkResponse({ type: CampaignDto, description: '`sending` (now) or `scheduled`' })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'It is sending, sent or cancelled' })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'No segment (or it was deleted), or an email without a subject' })
  schedule(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ScheduleCampaignDto,
  ): Promise<CampaignDto> {
    return this.schedules.schedule(businessId, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(Role.owner, Role.admin)
  @Activity('campaign.cancel', 'campaign')
  @ApiOperation({ summary: 'Cancel a draft, scheduled or sending campaign: messages not yet sent are not sent' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'It was sent or cancelled already' })
  cancel(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignDto> {
    return this.schedules.cancel(businessId, id);
  }

  @Get(':id/stats')
  @ApiOperation({
    summary: 'Recipients, suppressed, sent, delivered, failed, bounced, opened and clicked (email, when tracked), unsubscribed',
  })
  @ApiOkResponse({ type: CampaignStatsDto })
  stats(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignStatsDto> {
    return this.campaigns.stats(businessId, id);
  }

  @Post(':id/test')
  @HttpCode(202)
  @Roles(Role.owner, Role.admin)
  @ApiOperation({ summary: "Send the campaign's message to one address (not counted, not tracked)" })
  @ApiAcceptedResponse({ type: TestSendResultDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: "The address does not fit the campaign's channel" })
  test(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TestSendDto,
  ): Promise<TestSendResultDto> {
    return this.tests.send(businessId, id, dto);
  }
}
