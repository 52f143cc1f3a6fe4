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
import { CreateServiceDto, ServiceDto, ServiceQueryDto, UpdateServiceDto } from './dto/service.dto';
import { ServiceCatalogService } from './service-catalog.service';

@ApiTags('services')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such service (or calendar) in this business' })
@Controller('services')
export class ServicesController {
  constructor(private readonly catalog: ServiceCatalogService) {}

  @Post()
  @Roles(Role.owner, Role.admin)
  @Activity('service.create', 'service')
  @ApiOperation({ summary: 'Create a bookable service' })
  @ApiCreatedResponse({ type: ServiceDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  create(@CurrentBusiness() businessId: string, @Body() dto: CreateServiceDto): Promise<ServiceDto> {
    return this.catalog.create(businessId, dto);
  }

  @Get()
  @ApiOperation({ summary: "The business's services" })
  @ApiPaginatedResponse(ServiceDto)
  async list(@CurrentBusiness() businessId: string, @Query() query: ServiceQueryDto): Promise<Paginated<ServiceDto>> {
    const [items, total] = await this.catalog.list(businessId, { active: query.active, calendarId: query.calendarId }, query);
    return paginated(items, query, total);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One service' })
  @ApiOkResponse({ type: ServiceDto })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<ServiceDto> {
    return this.catalog.get(businessId, id);
  }

  @Patch(':id')
  @Roles(Role.owner, Role.admin)
  @Activity('service.update', 'service')
  @ApiOperation({ summary: 'Change a service (calendarIds, when sent, replaces the list)' })
  @ApiOkResponse({ type: ServiceDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  update(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateServiceDto,
  ): Promise<ServiceDto> {
    return this.catalog.update(businessId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('service.delete', 'service')
  @ApiOperation({ summary: 'Delete a service that was never booked' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDetails, description: 'The service has appointments: deactivate it instead' })
  async remove(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.catalog.remove(businessId, id);
  }
}
