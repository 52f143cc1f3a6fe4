import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import type { Actor } from '../../common/auth/actor';
import { ApiAuth, CurrentActor, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { CreateInvoiceDto, CreditInvoiceDto, SendInvoiceDto } from './dto/invoice-input.dto';
import { InvoiceExportQueryDto, InvoicePeriodQueryDto, InvoiceQueryDto } from './dto/invoice-query.dto';
import { InvoiceDto, InvoiceSentDto, InvoiceSummaryDto } from './dto/invoice.dto';
import { InvoiceIssueService } from './invoice-issue.service';
import { InvoicesService } from './invoices.service';
import { ApiIdempotencyKey, markReplayed } from '../idempotency/idempotency.http';

@ApiTags('invoices')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such document (or customer) in this business' })
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly issuing: InvoiceIssueService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Documents, newest first: filters type, customer, date range, number; `q` searches number, customer name and tax id',
  })
  @ApiPaginatedResponse(InvoiceDto)
  @ApiBadRequestResponse({ type: ProblemDetails })
  async list(@CurrentBusiness() businessId: string, @Query() q: InvoiceQueryDto): Promise<Paginated<InvoiceDto>> {
    const [items, total] = await this.invoices.list(businessId, q);
    return paginated(items, q, total);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Totals by document type for a period, with sales, output VAT and money received (for the bookkeeper)' })
  @ApiOkResponse({ type: InvoiceSummaryDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  summary(@CurrentBusiness() businessId: string, @Query() q: InvoicePeriodQueryDto): Promise<InvoiceSummaryDto> {
    return this.invoices.summary(businessId, q);
  }

  @Get('export')
  @Roles(Role.owner, Role.admin)
  @ApiOperation({ summary: 'The documents of a period as CSV for the accountant (UTF-8 with BOM; credit notes negative)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ProblemDetails })
  export(@CurrentBusiness() businessId: string, @Query() q: InvoiceExportQueryDto): StreamableFile {
    const name = `invoices-${q.from}-${q.to}.csv`;
    return new StreamableFile(Readable.from(this.invoices.csv(businessId, q, q.headers ?? 'he')), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${name}"`,
    });
  }

  @Post()
  @Activity('invoice.issue', 'invoice', { recordedByEvents: true })
  @ApiOperation({
    summary:
      'Issue a document: tax invoice, tax invoice-receipt or receipt (by the business VAT status); numbered, PDF stored, never editable',
  })
  @ApiIdempotencyKey('document')
  @ApiCreatedResponse({ type: InvoiceDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Invalid input, with field paths (`lines.0.quantity`)' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'A rule refuses it (type by VAT status, payments ≠ total, allocation number required above the threshold, the Tax Authority refused one, no issuer tax id), or Idempotency-Key reused',
  })
  @ApiServiceUnavailableResponse({
    type: ProblemDetails,
    description: 'The Tax Authority could not be reached for an allocation number: nothing was issued',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateInvoiceDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InvoiceDto> {
    const { body, replayed } = await this.issuing.create(actor, dto, key);
    markReplayed(res, replayed);
    return body;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One document' })
  @ApiOkResponse({ type: InvoiceDto })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<InvoiceDto> {
    return this.invoices.get(businessId, id);
  }

  @Get(':id/pdf')
  @ApiOperation({
    summary: 'The PDF: the stored original (מקור) on the first delivery, a copy (העתק) every time after; each download is logged',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The PDF document; `X-Document-Mark` says original or copy',
    schema: { type: 'string', format: 'binary' },
    headers: { 'X-Document-Mark': { description: '`original` or `copy`', schema: { type: 'string', enum: ['original', 'copy'] } } },
  })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { bytes, mark, filename } = await this.invoices.download(actor, id);
    res.setHeader('X-Document-Mark', mark);
    return new StreamableFile(bytes, { type: 'application/pdf', disposition: `inline; filename="${filename}"`, length: bytes.length });
  }

  @Post(':id/credit')
  @Activity('invoice.credit', 'invoice', { recordedByEvents: true })
  @ApiOperation({
    summary: 'Issue a credit note for a tax invoice or invoice-receipt: the whole document, or the lines given (its own numbering)',
  })
  @ApiIdempotencyKey('document')
  @ApiCreatedResponse({ type: InvoiceDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already fully credited, or partly (then send lines)' })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'Not creditable, or more than is left to credit' })
  async credit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreditInvoiceDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InvoiceDto> {
    const { body, replayed } = await this.issuing.credit(actor, id, dto, key);
    markReplayed(res, replayed);
    return body;
  }

  @Post(':id/send')
  @HttpCode(202)
  @Activity('invoice.send', 'invoice')
  @ApiOperation({ summary: 'Email the document with its PDF attached (template invoice.issued, he/en); queued in the message log' })
  @ApiAcceptedResponse({ type: InvoiceSentDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'No email address for the customer' })
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SendInvoiceDto): Promise<InvoiceSentDto> {
    return this.invoices.send(actor, id, dto);
  }
}
