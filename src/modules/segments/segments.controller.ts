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
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { CustomerDto } from '../customers/dto/customer-response.dto';
import { audienceFieldCatalogue } from './audience-field-catalogue';
import {
  AudienceFieldDto,
  CreateSegmentDto,
  ParsedSegmentDto,
  ParseSegmentRequestDto,
  SegmentDto,
  SegmentPreviewDto,
  SegmentPreviewRequestDto,
  SegmentWithCountDto,
  UpdateSegmentDto,
} from './dto/segment.dto';
import { SegmentsService } from './segments.service';

@ApiTags('segments')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such segment in this business' })
@Controller('segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Post()
  @Roles(Role.owner, Role.admin)
  @Activity('segment.create', 'segment')
  @ApiOperation({ summary: 'Save an audience segment (a rule tree over customers)' })
  @ApiCreatedResponse({ type: SegmentDto })
  @ApiBadRequestResponse({
    type: ProblemDetails,
    description: 'The rule names an unknown field, operator or value (errors give its path), or nests too deep',
  })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Another segment has that name' })
  create(@CurrentBusiness() businessId: string, @Body() dto: CreateSegmentDto): Promise<SegmentDto> {
    return this.segments.create(businessId, dto);
  }

  @Get()
  @ApiOperation({ summary: "The business's segments, by name" })
  @ApiPaginatedResponse(SegmentDto)
  async list(@CurrentBusiness() businessId: string, @Query() query: PageQueryDto): Promise<Paginated<SegmentDto>> {
    const [items, total] = await this.segments.list(businessId, query);
    return paginated(items, query, total);
  }

  @Get('fields')
  @ApiOperation({ summary: 'The fields a rule can test, with their operators and labels (for a rule builder)' })
  @ApiOkResponse({ type: [AudienceFieldDto] })
  fields(): AudienceFieldDto[] {
    return audienceFieldCatalogue();
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Count and sample the customers an unsaved rule tree selects' })
  @ApiOkResponse({ type: SegmentPreviewDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  preview(@CurrentBusiness() businessId: string, @Body() dto: SegmentPreviewRequestDto): Promise<SegmentPreviewDto> {
    return this.segments.preview(businessId, dto.rule);
  }

  @Post('parse')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn a Hebrew or English description into a rule',
    description:
      'E.g. "לקוחות שלא ביקרו חצי שנה והוציאו מעל 500 ₪" or "inactive for 6 months and spent over ₪500". The built-in parser reads the common phrasings with no account or network; with `AI_DRIVER=openai` a description it does not understand is sent to the model, whose answer is used only if it is a valid rule. Nothing is saved.',
  })
  @ApiOkResponse({ type: ParsedSegmentDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'Parts of the text were not understood: the message names them and gives phrasings that work',
  })
  parse(@CurrentBusiness() businessId: string, @Body() dto: ParseSegmentRequestDto): Promise<ParsedSegmentDto> {
    return this.segments.parse(businessId, dto.text);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One segment, with how many customers it selects now' })
  @ApiOkResponse({ type: SegmentWithCountDto })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SegmentWithCountDto> {
    return this.segments.get(businessId, id);
  }

  @Get(':id/customers')
  @ApiOperation({ summary: "The segment's members now, newest first" })
  @ApiPaginatedResponse(CustomerDto)
  async members(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Paginated<CustomerDto>> {
    const [items, total] = await this.segments.members(businessId, id, query);
    return paginated(items, query, total);
  }

  @Patch(':id')
  @Roles(Role.owner, Role.admin)
  @Activity('segment.update', 'segment')
  @ApiOperation({ summary: 'Rename a segment or change its rule' })
  @ApiOkResponse({ type: SegmentDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Another segment has that name' })
  update(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSegmentDto,
  ): Promise<SegmentDto> {
    return this.segments.update(businessId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('segment.delete', 'segment')
  @ApiOperation({ summary: 'Delete a segment' })
  @ApiNoContentResponse()
  async remove(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.segments.remove(businessId, id);
  }
}
