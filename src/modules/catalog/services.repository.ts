import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import { BookableService } from './entities/bookable-service.entity';
import { ServiceCalendar } from './entities/service-calendar.entity';

@Injectable()
export class ServicesRepository extends TenantRepository<BookableService> {
  constructor(@InjectRepository(BookableService) repo: Repository<BookableService>) {
    super(repo);
  }

  private get links(): Repository<ServiceCalendar> {
    return this.repo.manager.getRepository(ServiceCalendar);
  }

  async findWithCalendars(businessId: string, id: string): Promise<BookableService | null> {
    if (!isUuid(id)) return null;
    return this.repo.findOne({ where: this.scoped(businessId, { id }), relations: { calendarLinks: true } });
  }

  async page(
    businessId: string,
    filter: { active?: boolean; calendarId?: string },
    page: { offset: number; limit: number },
  ): Promise<[BookableService[], number]> {
    this.scoped(businessId);
    const qb = this.repo.createQueryBuilder('s').where('s.business_id = :businessId', { businessId });
    if (filter.active !== undefined) qb.andWhere('s.active = :active', { active: filter.active });
    if (filter.calendarId) {
      qb.andWhere('EXISTS (SELECT 1 FROM service_calendars sc WHERE sc.service_id = s.id AND sc.calendar_id = :calendarId)', {
        calendarId: filter.calendarId,
      });
    }
    const [rows, total] = await qb
      .orderBy('s.name', 'ASC')
      .addOrderBy('s.created_at', 'ASC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    await this.attachLinks(rows);
    return [rows, total];
  }

  /** Active services with their calendars (the public catalogue). */
  async activeWithCalendars(businessId: string): Promise<BookableService[]> {
    const rows = await this.findMany(businessId, { active: true }, { name: 'ASC' });
    await this.attachLinks(rows);
    return rows;
  }

  async replaceCalendars(serviceId: string, calendarIds: string[]): Promise<void> {
    await this.links.delete({ serviceId });
    if (calendarIds.length) await this.links.insert(calendarIds.map((calendarId) => ({ serviceId, calendarId })));
  }

  private async attachLinks(rows: BookableService[]): Promise<void> {
    if (rows.length === 0) return;
    const links = await this.links.find({ where: { serviceId: In(rows.map((r) => r.id)) } });
    for (const row of rows) row.calendarLinks = links.filter((l) => l.serviceId === row.id);
  }
}
