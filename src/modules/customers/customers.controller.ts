import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { eventActor } from '../../common/domain-events/event-actor';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Readable } from 'node:stream';
import type { Actor } from '../../common/auth/actor';
import { ApiAuth, CurrentActor, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPaginatedResponse, paginated, Paginated, UncountablePageMeta } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { ActivityEntryDto } from '../activity/dto/activity-entry.dto';
import { CustomerExportService } from './customer-export.service';
import { CustomerImportService, MAX_IMPORT_BYTES, UploadedCsv } from './customer-import.service';
import { CustomerManagementService, toCustomerFilter } from './customer-management.service';
import { CreateCustomerDto } from './dto/create-customer.dto';
import { CustomerImportAcceptedDto, CustomerImportBodyDto, CustomerImportStatusDto } from './dto/customer-import.dto';
import { CustomerExportQueryDto, CustomerQueryDto } from './dto/customer-query.dto';
import { CustomerDto } from './dto/customer-response.dto';
import { UpdateCustomerDto } from './dto/update-customer.dto';

@ApiTags('customers')
@ApiAuth()
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomerManagementService,
    private readonly imports: CustomerImportService,
    private readonly exporter: CustomerExportService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List customers',
    description:
      'Search (`q`: partial name, email or phone, Hebrew or English), filters, sort and pagination. Archived customers are left out unless `archived=archived|all`. `total=false` skips counting the matches (`meta.total` null), for infinite scroll over large lists.',
  })
  @ApiPaginatedResponse(CustomerDto, UncountablePageMeta)
  @ApiBadRequestResponse({ type: ProblemDetails })
  async list(
    @CurrentBusiness() businessId: string,
    @Query() query: CustomerQueryDto,
  ): Promise<Paginated<CustomerDto, UncountablePageMeta>> {
    const [items, total] = await this.customers.list(businessId, query);
    return paginated(items, query, total);
  }

  @Post()
  @Activity('customer.create', 'customer', { recordedByEvents: true })
  @ApiOperation({ summary: 'Create a customer (phone or email required; the phone is stored as E.164)' })
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ description: 'Another customer has this phone or email', type: ProblemDetails })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCustomerDto): Promise<CustomerDto> {
    return this.customers.create(actor.businessId, dto, eventActor(actor));
  }

  @Get('export')
  @Roles(Role.owner, Role.admin)
  @ApiOperation({ summary: 'Export customers as CSV (UTF-8 with BOM, for Excel); same filters as the list' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ProblemDetails })
  async export(@CurrentActor() actor: Actor, @Query() query: CustomerExportQueryDto): Promise<StreamableFile> {
    const chunks = await this.exporter.export(actor.businessId, toCustomerFilter(query), query.headers ?? 'he', eventActor(actor));
    const name = `customers-${new Date().toISOString().slice(0, 10)}.csv`;
    return new StreamableFile(Readable.from(chunks), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}"` });
  }

  @Post('import')
  @HttpCode(202)
  @Roles(Role.owner, Role.admin)
  @Activity('customer.import', 'customer_import')
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 }, defParamCharset: 'utf8' } as never),
  )
  @ApiOperation({
    summary: 'Import customers from CSV (runs in the background)',
    description:
      'Multipart upload: `file` (CSV, UTF-8 with or without BOM, up to 10 MB and 50,000 rows; comma, semicolon or tab separated) and an optional `mapping`. Hebrew or English headers are recognised (שם פרטי, שם משפחה, שם, טלפון, נייד, אימייל, דוא"ל, תגיות, הערות, כתובת, תאריך לידה, …). Rows upsert by phone, then email. Poll `GET /api/customers/import/{jobId}`.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The CSV file' },
        mapping: {
          type: 'string',
          description: 'Optional JSON `{ "<CSV header>": "<field>" }`',
          example: '{"נייד":"phone","מידה":"custom.מידה"}',
        },
      },
    },
  })
  @ApiAcceptedResponse({ description: 'Queued; poll GET /api/customers/import/{jobId}', type: CustomerImportAcceptedDto })
  @ApiBadRequestResponse({
    description: 'Missing or unreadable file, unknown columns, more than 50,000 rows, bad mapping',
    type: ProblemDetails,
  })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 10 MB', type: ProblemDetails })
  startImport(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() body: CustomerImportBodyDto,
  ): Promise<CustomerImportAcceptedDto> {
    return this.imports.start(actor.businessId, file, body.mapping, actor.kind === 'user' ? actor.id : null);
  }

  @Get('import/:jobId')
  @Roles(Role.owner, Role.admin)
  @ApiOperation({ summary: "An import's status, progress (rows done / total) and report" })
  @ApiOkResponse({ type: CustomerImportStatusDto })
  @ApiNotFoundResponse({ type: ProblemDetails })
  importStatus(@CurrentBusiness() businessId: string, @Param('jobId', ParseUUIDPipe) jobId: string): Promise<CustomerImportStatusDto> {
    return this.imports.status(businessId, jobId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One customer (archived ones too)' })
  @ApiOkResponse({ type: CustomerDto })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<CustomerDto> {
    return this.customers.get(businessId, id);
  }

  @Patch(':id')
  @Activity('customer.update', 'customer', { recordedByEvents: true })
  @ApiOperation({ summary: 'Change a customer; null clears an optional field' })
  @ApiOkResponse({ type: CustomerDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ description: 'Another customer has this phone or email', type: ProblemDetails })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCustomerDto): Promise<CustomerDto> {
    return this.customers.update(actor.businessId, id, dto, eventActor(actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('customer.archive', 'customer', { recordedByEvents: true })
  @ApiOperation({ summary: 'Archive a customer (customers are never hard-deleted; restore with POST /{id}/restore)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails })
  async archive(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.customers.archive(actor.businessId, id, eventActor(actor));
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(Role.owner, Role.admin)
  @Activity('customer.restore', 'customer', { recordedByEvents: true })
  @ApiOperation({ summary: 'Bring an archived customer back' })
  @ApiOkResponse({ type: CustomerDto })
  @ApiNotFoundResponse({ type: ProblemDetails })
  restore(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CustomerDto> {
    return this.customers.restore(actor.businessId, id, eventActor(actor));
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: "The customer's activity, newest first (appointments, registrations, payments, messages, edits)" })
  @ApiPaginatedResponse(ActivityEntryDto)
  @ApiNotFoundResponse({ type: ProblemDetails })
  async timeline(
    @CurrentBusiness() businessId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Paginated<ActivityEntryDto>> {
    const { items, total } = await this.customers.timeline(businessId, id, query);
    return paginated(items, query, total);
  }
}
