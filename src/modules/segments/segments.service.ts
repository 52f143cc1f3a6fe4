import { HttpStatus, Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../../common/database/pg-errors';
import { AppException, ConflictAppException, NotFoundAppException } from '../../common/problem/app.exception';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { BusinessDirectory } from '../business/business-directory.service';
import type { AudienceRule } from '../customers/audience/audience-rule';
import { requireAudienceRule } from '../customers/audience/audience-rule.schema';
import { CustomerAudienceService } from '../customers/customer-audience.service';
import type { CustomerDto } from '../customers/dto/customer-response.dto';
import type {
  CreateSegmentDto,
  ParsedSegmentDto,
  SegmentDto,
  SegmentPreviewDto,
  SegmentWithCountDto,
  UpdateSegmentDto,
} from './dto/segment.dto';
import type { Segment } from './entities/segment.entity';
import { toSegmentDto } from './segment.mapper';
import { SegmentsRepository } from './segments.repository';
import { SegmentTextService } from './text/segment-text.service';

export const PREVIEW_SAMPLE = 10;

/** Saved audiences: CRUD, and their members counted and listed when asked (never stored). */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly audience: CustomerAudienceService,
    private readonly text: SegmentTextService,
    private readonly directory: BusinessDirectory,
    private readonly tx: TransactionRunner,
  ) {}

  async create(businessId: string, dto: CreateSegmentDto): Promise<SegmentDto> {
    const rule = requireAudienceRule(dto.rule);
    const saved = await this.unique(() => this.segments.insert(businessId, { name: dto.name, description: dto.description ?? null, rule }));
    return toSegmentDto(saved);
  }

  async list(businessId: string, page: { offset: number; limit: number }): Promise<[SegmentDto[], number]> {
    const [rows, total] = await this.segments.findPage(businessId, { order: { name: 'ASC', id: 'ASC' } }, page);
    return [rows.map(toSegmentDto), total];
  }

  async get(businessId: string, id: string): Promise<SegmentWithCountDto> {
    const segment = await this.require(businessId, id);
    return { ...toSegmentDto(segment), count: await this.audience.count(businessId, segment.rule) };
  }

  /** Changes only the fields sent, on the row locked for the transaction (concurrent PATCHes of other fields are kept). */
  async update(businessId: string, id: string, dto: UpdateSegmentDto): Promise<SegmentDto> {
    const rule = dto.rule !== undefined ? requireAudienceRule(dto.rule) : undefined;
    const saved = await this.unique(() =>
      this.tx.run(async (em) => {
        const segments = this.segments.withManager(em);
        const segment = await segments.lockById(businessId, id);
        if (!segment) throw new NotFoundAppException('segment', id);
        if (rule !== undefined) segment.rule = rule;
        if (dto.name !== undefined) segment.name = dto.name;
        if (dto.description !== undefined) segment.description = dto.description;
        return segments.save(businessId, segment);
      }),
    );
    return toSegmentDto(saved);
  }

  async remove(businessId: string, id: string): Promise<void> {
    if (!(await this.segments.deleteById(businessId, id))) throw new NotFoundAppException('segment', id);
  }

  /** The members now, newest first. */
  async members(businessId: string, id: string, page: { offset: number; limit: number }): Promise<[CustomerDto[], number]> {
    const { rule } = await this.require(businessId, id);
    return Promise.all([this.audience.page(businessId, rule, page), this.audience.count(businessId, rule)]);
  }

  /** Count and a sample of an unsaved rule tree. */
  async preview(businessId: string, input: unknown): Promise<SegmentPreviewDto> {
    const rule = requireAudienceRule(input);
    const [count, sample] = await Promise.all([
      this.audience.count(businessId, rule),
      this.audience.page(businessId, rule, { offset: 0, limit: PREVIEW_SAMPLE }),
    ]);
    return { count, sample };
  }

  /**
   * A rule from a Hebrew or English description (the local parser, else the
   * AI driver when configured; either way checked like any rule), and how
   * many it selects now. Text not understood is a 422 naming the parts; no
   * rule is ever guessed.
   */
  async parse(businessId: string, text: string, now = new Date()): Promise<ParsedSegmentDto> {
    const business = await this.directory.require(businessId);
    const parsed = await this.text.parse(text, { now, timeZone: business.timezone });
    if (!parsed.ok) {
      throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, 'segment.text_not_understood', parsed.message, [
        { field: 'text', message: parsed.message },
      ]);
    }
    return { rule: parsed.rule, source: parsed.source, count: await this.audience.count(businessId, parsed.rule, now) };
  }

  /** A saved segment's rule (campaigns and automations send to it); 404 when it is not this business's. */
  async ruleOf(businessId: string, id: string): Promise<AudienceRule> {
    return (await this.require(businessId, id)).rule;
  }

  private async require(businessId: string, id: string): Promise<Segment> {
    const segment = await this.segments.findById(businessId, id);
    if (!segment) throw new NotFoundAppException('segment', id);
    return segment;
  }

  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictAppException('segment.name_taken', 'Another segment of this business has that name');
      throw err;
    }
  }
}
