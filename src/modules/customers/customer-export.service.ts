import { Injectable } from '@nestjs/common';
import type { DomainEventActor } from '../../common/domain-events/domain-event.map';
import { RequestContext } from '../../common/http/request-context';
import { ActivityService } from '../activity/activity.service';
import { exportHeader, exportLines } from './csv/export';
import { CustomersRepository, CustomerFilter } from './customers.repository';

/**
 * CSV export: UTF-8 with a BOM (so Excel shows Hebrew), CRLF lines, read in
 * batches so 100,000 customers never sit in memory at once. The file imports
 * back unchanged (the read-only columns are ignored).
 */
@Injectable()
export class CustomerExportService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly activity: ActivityService,
  ) {}

  /** The CSV, as text chunks; the export itself is written to the activity log (it carries personal data). */
  async export(
    businessId: string,
    filter: CustomerFilter,
    lang: 'he' | 'en',
    by: DomainEventActor | null,
  ): Promise<AsyncGenerator<string>> {
    await this.activity.recordQuietly({
      businessId,
      actorType: by?.kind ?? 'system',
      actorId: by?.id ?? null,
      actorName: by?.name ?? null,
      action: 'customer.export',
      entityType: 'customer',
      entityId: null,
      summary: `${by?.name ?? 'system'}: customer.export ${JSON.stringify({ ...filter, q: filter.q ? '…' : undefined })}`,
      ip: null,
      requestId: RequestContext.requestId() ?? null,
    });
    return this.csv(businessId, filter, lang);
  }

  async *csv(businessId: string, filter: CustomerFilter, lang: 'he' | 'en' = 'he'): AsyncGenerator<string> {
    yield exportHeader(lang);
    for await (const batch of this.customers.streamBatches(businessId, filter)) yield exportLines(batch, lang);
  }
}
