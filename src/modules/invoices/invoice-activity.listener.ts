import { Injectable } from '@nestjs/common';
import type { DomainEventMap, InvoiceEventPayload } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { ActivityService } from '../activity/activity.service';
import { titleOf } from './invoice-labels';
import type { InvoiceType } from './invoice-types';

const shekels = (agorot: number, currency: string) => `${(agorot / 100).toFixed(2)} ${currency}`;

/** Issued documents and credit notes land in the activity log with the customer's id: they show on the customer's timeline. */
@Injectable()
export class InvoiceActivityListener {
  constructor(private readonly activity: ActivityService) {}

  @OnDomainEvent('invoice.issued')
  issued(e: DomainEventMap['invoice.issued']): Promise<void> {
    return this.record(
      e,
      'invoice.issued',
      `Issued ${titleOf(e.type as InvoiceType, 'en')} ${e.number}: ${shekels(e.totalAgorot, e.currency)}`,
    );
  }

  @OnDomainEvent('invoice.credited')
  credited(e: DomainEventMap['invoice.credited']): Promise<void> {
    return this.record(
      e,
      'invoice.credited',
      `Credit note ${e.number} for ${titleOf(e.creditedType as InvoiceType, 'en')} ${e.creditedNumber}: ${shekels(e.totalAgorot, e.currency)}`,
    );
  }

  private record(e: InvoiceEventPayload, action: string, summary: string): Promise<void> {
    return this.activity.recordEvent({
      businessId: e.businessId,
      by: e.by,
      action,
      entityType: 'invoice',
      entityId: e.invoiceId,
      customerId: e.customerId,
      summary,
    });
  }
}
