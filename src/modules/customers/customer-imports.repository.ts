import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import { CustomerImport, CustomerImportReport, CustomerImportStatus } from './entities/customer-import.entity';

@Injectable()
export class CustomerImportsRepository extends TenantRepository<CustomerImport> {
  constructor(@InjectRepository(CustomerImport) repo: Repository<CustomerImport>) {
    super(repo);
  }

  /** The import with its file bytes (left out of ordinary reads). */
  async findWithFile(businessId: string, id: string): Promise<CustomerImport | null> {
    if (!isUuid(id)) return null;
    return this.repo
      .createQueryBuilder('i')
      .addSelect('i.file')
      .where('i.businessId = :businessId AND i.id = :id', { businessId: this.scoped(businessId).businessId, id })
      .getOne();
  }

  async saveProgress(businessId: string, id: string, doneRows: number, report: CustomerImportReport): Promise<void> {
    await this.repo.update(this.scoped(businessId, { id }), { doneRows, report });
  }

  async setStatus(
    businessId: string,
    id: string,
    status: CustomerImportStatus,
    extra: Partial<Pick<CustomerImport, 'startedAt' | 'finishedAt' | 'failureReason' | 'totalRows'>> = {},
  ): Promise<void> {
    await this.repo.update(this.scoped(businessId, { id }), { status, ...extra });
  }
}
