import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { DomainEventActor } from '../../common/domain-events/domain-event.map';
import { RequestContext } from '../../common/http/request-context';
import { ActivityService } from '../activity/activity.service';
import { EXPORT_COLUMNS, exportCell } from './customer-csv';
import { CustomersRepository, CustomerFilter } from './customers.repository';
import type { Customer } from './entities/customer.entity';

const BOM = '\uFEFF';
/**
 * CRLF records; a field with a line break of either kind is quoted too
 * (csv-stringify quotes only the record delimiter itself, so a bare LF in
 * multi-line notes would split the record for Excel and Python's csv).
 */
const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;
const YES_NO = { he: ['כן', 'לא'], en: ['yes', 'no'] } as const;

function cells(c: Customer, lang: 'he' | 'en'): string[] {
  const yesNo = (v: boolean) => (v ? YES_NO[lang][0] : YES_NO[lang][1]);
  const values: Record<(typeof EXPORT_COLUMNS)[number]['key'], string> = {
    id: c.id,
    firstName: exportCell(c.firstName),
    lastName: exportCell(c.lastName ?? ''),
    phone: c.phone ?? '',
    email: exportCell(c.email ?? ''),
    tags: exportCell(c.tags.join(', ')),
    notes: exportCell(c.notes ?? ''),
    address: exportCell(c.address ?? ''),
    birthday: c.birthday ?? '',
    language: c.language,
    source: exportCell(c.source),
    emailConsent: yesNo(c.emailConsent),
    smsConsent: yesNo(c.smsConsent),
    customFields: Object.keys(c.customFields).length ? JSON.stringify(c.customFields) : '',
    archived: yesNo(c.archivedAt !== null),
    visitCount: String(c.visitCount),
    totalSpend: (c.totalSpendAgorot / 100).toFixed(2),
    lastActivityAt: c.lastActivityAt?.toISOString() ?? '',
    createdAt: c.createdAt.toISOString(),
  };
  return EXPORT_COLUMNS.map((col) => values[col.key]);
}

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
    yield BOM + stringify([EXPORT_COLUMNS.map((c) => c[lang])], CSV_OPTIONS);
    for await (const batch of this.customers.streamBatches(businessId, filter)) {
      yield stringify(
        batch.map((c) => cells(c, lang)),
        CSV_OPTIONS,
      );
    }
  }
}
