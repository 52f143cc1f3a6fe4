import { toServiceDto } from './bookable-service.mapper';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import { sentFields } from '../../common/validation/sent-fields';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { BusinessDirectory } from '../business/business-directory.service';
import { CalendarsService } from '../calendars/calendars.service';
import type { CreateServiceDto, ServiceDto, UpdateServiceDto } from './dto/service.dto';
import type { BookableService } from './entities/bookable-service.entity';
import { ServicesRepository } from './services.repository';

/** The services a business offers and which calendars perform them. */
@Injectable()
export class ServiceCatalogService {
  constructor(
    private readonly services: ServicesRepository,
    private readonly calendars: CalendarsService,
    private readonly businesses: BusinessDirectory,
    private readonly tx: TransactionRunner,
  ) {}

  async create(businessId: string, dto: CreateServiceDto): Promise<ServiceDto> {
    const calendarIds = await this.checkCalendars(businessId, dto.calendarIds ?? []);
    const business = await this.businesses.require(businessId);
    const id = await this.tx.run(async (em) => {
      const repo = this.services.withManager(em);
      const row = await repo.insert(businessId, {
        name: dto.name,
        nameEn: dto.nameEn ?? null,
        description: dto.description ?? null,
        durationMinutes: dto.durationMinutes,
        priceAgorot: dto.priceAgorot,
        currency: business.currency,
        bufferBeforeMinutes: dto.bufferBeforeMinutes ?? 0,
        bufferAfterMinutes: dto.bufferAfterMinutes ?? 0,
        active: dto.active ?? true,
        meetingUrlTemplate: dto.meetingUrlTemplate ?? null,
      });
      await repo.replaceCalendars(row.id, calendarIds);
      return row.id;
    });
    return this.get(businessId, id);
  }

  async list(
    businessId: string,
    filter: { active?: boolean; calendarId?: string },
    page: { offset: number; limit: number },
  ): Promise<[ServiceDto[], number]> {
    const [rows, total] = await this.services.page(businessId, filter, page);
    return [rows.map(toServiceDto), total];
  }

  async get(businessId: string, id: string): Promise<ServiceDto> {
    return toServiceDto(await this.require(businessId, id));
  }

  /** The service with its calendar links, or 404 (also for another business's id). */
  async require(businessId: string, id: string): Promise<BookableService> {
    const row = await this.services.findWithCalendars(businessId, id);
    if (!row) throw new NotFoundAppException('service', id);
    return row;
  }

  activeCatalogue(businessId: string): Promise<BookableService[]> {
    return this.services.activeWithCalendars(businessId);
  }

  async update(businessId: string, id: string, dto: UpdateServiceDto): Promise<ServiceDto> {
    const calendarIds = dto.calendarIds ? await this.checkCalendars(businessId, dto.calendarIds) : undefined;
    const { calendarIds: _ignored, ...fields } = sentFields(dto);
    await this.tx.run(async (em) => {
      const repo = this.services.withManager(em);
      // The row lock orders concurrent edits, so replacing the calendar links cannot interleave.
      if (!(await repo.lockById(businessId, id))) throw new NotFoundAppException('service', id);
      await repo.updateFields(businessId, id, fields);
      if (calendarIds) await repo.replaceCalendars(id, calendarIds);
    });
    return this.get(businessId, id);
  }

  async remove(businessId: string, id: string): Promise<void> {
    const outcome = await this.services.deleteUnlessReferenced(businessId, id);
    if (outcome === 'missing') throw new NotFoundAppException('service', id);
    if (outcome === 'in_use')
      throw new AppException(HttpStatus.CONFLICT, 'service.in_use', 'The service has appointments; deactivate it instead of deleting it');
  }

  /** Every id must be a calendar of this business (404 names the first that is not). */
  private async checkCalendars(businessId: string, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = new Set((await this.calendars.findMany(businessId, unique)).map((c) => c.id));
    const missing = unique.find((id) => !found.has(id));
    if (missing) throw new NotFoundAppException('calendar', missing);
    return unique;
  }
}
