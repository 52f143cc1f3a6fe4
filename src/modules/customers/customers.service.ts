import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AutomationCause, DomainEventActor } from '../../common/domain-events/domain-event.map';
import { DomainEvents } from '../../common/domain-events/domain-events';
import type { BucketRow, ReportingPeriod } from '../../common/time/reporting-period';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { blankToNull, parseEmail, parsePhone } from './customer-contact';
import { CUSTOMER_FIELDS as F } from './customer-fields';
import { newCustomerRow } from './customer-row';
import { CustomersRepository } from './customers.repository';
import {
  CustomerContactRequiredException,
  CustomerNameRequiredException,
  InvalidCustomerEmailException,
  InvalidCustomerPhoneException,
} from './customers.exception';
import type { NewCustomerDto } from './dto/new-customer.dto';
import type { Customer, CustomerLanguage } from './entities/customer.entity';

/** A new customer's details as requests give them, and where the customer came from: `event_registration`, `booking`, … */
export type MatchOrCreateInput = NewCustomerDto & { source: string };

/** What messaging needs of a customer: addresses, language and marketing consent per channel. */
export interface CustomerContact {
  id: string;
  firstName: string;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  language: CustomerLanguage;
  emailConsent: boolean;
  smsConsent: boolean;
}

export interface CustomerSummary {
  id: string;
  firstName: string;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  language: CustomerLanguage;
}

/** What a document needs of a customer (invoices bill to this unless told otherwise). */
export interface CustomerBilling {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  language: CustomerLanguage;
}

const toSummary = (c: Customer): CustomerSummary => ({
  id: c.id,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  phone: c.phone,
  language: c.language,
});

/**
 * What other modules use: match-or-create by contact details, look-ups, and
 * the computed counters. The customers API itself is in CustomerManagementService.
 */
@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * The customer with this phone (E.164), else this email, archived or not;
   * created when there is none. Concurrent calls with the same contact details
   * end on one customer (unique indexes + insert-if-absent + re-read). Given a
   * transaction's `manager`, the customer exists only if that transaction
   * commits (and `customer.created` is emitted only then); `by` is who caused it.
   */
  async matchOrCreate(
    businessId: string,
    input: MatchOrCreateInput,
    opts: { manager?: EntityManager; by?: DomainEventActor | null } = {},
  ): Promise<{ id: string; created: boolean }> {
    const customers = opts.manager ? this.customers.withManager(opts.manager) : this.customers;
    const phone = parsePhone(input.phone);
    if (phone === undefined) throw new InvalidCustomerPhoneException();
    const email = parseEmail(input.email);
    if (email === undefined) throw new InvalidCustomerEmailException();
    if (!phone && !email) throw new CustomerContactRequiredException();

    const existing = await this.match(customers, businessId, phone, email);
    if (existing) return { id: existing.id, created: false };

    const firstName = blankToNull(input.firstName);
    if (!firstName) throw new CustomerNameRequiredException();
    // Callers inside the app may pass unchecked text: clip it to the columns rather than fail the booking.
    const row = newCustomerRow(
      {
        firstName: firstName.slice(0, F.firstName.maxLength),
        lastName: blankToNull(input.lastName)?.slice(0, F.lastName.maxLength),
        email,
        phone,
        language: input.language,
        source: blankToNull(input.source)?.slice(0, F.source.maxLength),
      },
      new Date(),
    );
    const id = await customers.insertIfAbsent(businessId, row);
    if (id) {
      const by = opts.by ?? null;
      const { source } = row;
      this.tx.afterCommit(opts.manager, () => this.events.emit('customer.created', { businessId, customerId: id, source, by }));
      return { id, created: true };
    }
    const winner = await this.match(customers, businessId, phone, email);
    if (!winner) throw new Error('customer insert conflicted but no matching customer was found');
    return { id: winner.id, created: false };
  }

  async findByContact(businessId: string, contact: { email?: string | null; phone?: string | null }): Promise<{ id: string } | null> {
    const phone = parsePhone(contact.phone) ?? null;
    const email = parseEmail(contact.email) ?? null;
    if (!phone && !email) return null;
    const found = await this.match(this.customers, businessId, phone, email);
    return found ? { id: found.id } : null;
  }

  async contactOf(businessId: string, id: string): Promise<CustomerContact | null> {
    const c = await this.customers.findById(businessId, id);
    return c ? { ...toSummary(c), emailConsent: c.emailConsent, smsConsent: c.smsConsent } : null;
  }

  /** The customer with this address (phone or email), for messages sent to a bare address. */
  async contactByAddress(businessId: string, address: { email?: string; phone?: string }): Promise<CustomerContact | null> {
    const found = await this.findByContact(businessId, address);
    return found ? this.contactOf(businessId, found.id) : null;
  }

  /** The businesses that have a customer at this address (across tenants: for refusals that name no business). */
  async businessesHolding(address: { email?: string; phone?: string }): Promise<string[]> {
    const phone = parsePhone(address.phone) ?? null;
    const email = parseEmail(address.email) ?? null;
    if (phone) return this.customers.businessIdsHolding('phone', phone);
    return email ? this.customers.businessIdsHolding('email', email) : [];
  }

  /** Marketing consent for a channel withdrawn (an unsubscribe link, an SMS "STOP"); false when it was not given. */
  async withdrawConsent(businessId: string, id: string, channel: 'email' | 'sms'): Promise<boolean> {
    const withdrawn = await this.customers.withdrawConsent(businessId, id, channel);
    if (withdrawn) this.events.emit('customer.updated', { businessId, customerId: id, changed: ['marketingConsent'], by: null });
    return withdrawn;
  }

  /**
   * Puts a tag on (`add`) or takes it off a customer; idempotent (false when it
   * was already so). A change emits `customer.tag_added` / `customer.tag_removed`
   * with `cause` (an automation's run) and `customer.updated`.
   */
  async changeTag(businessId: string, id: string, tag: string, add: boolean, cause: AutomationCause | null = null): Promise<boolean> {
    const changed = await this.customers.changeTag(businessId, id, tag, add);
    if (!changed) return false;
    const at = new Date().toISOString();
    this.events.emit(add ? 'customer.tag_added' : 'customer.tag_removed', { businessId, customerId: id, tag, at, by: null, cause });
    this.events.emit('customer.updated', { businessId, customerId: id, changed: ['tags'], by: null });
    return true;
  }

  /** Live customers whose last visit, creation day (both local to `timeZone`) or birthday (month and day) is `day`. */
  idsWithDateOn(
    businessId: string,
    date: 'lastVisit' | 'createdAt' | 'birthday',
    day: string,
    timeZone: string,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    return this.customers.idsWithDateOn(businessId, date, day, timeZone, afterId, limit);
  }

  async getSummary(businessId: string, id: string): Promise<CustomerSummary | null> {
    const c = await this.customers.findById(businessId, id);
    return c ? toSummary(c) : null;
  }

  async billingOf(businessId: string, id: string): Promise<CustomerBilling | null> {
    const c = await this.customers.findById(businessId, id);
    if (!c) return null;
    const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
    return { id: c.id, name, email: c.email, phone: c.phone, address: c.address, language: c.language };
  }

  /** Summaries of many customers in one query, keyed by id (for lists). */
  async getSummaries(businessId: string, ids: string[]): Promise<Map<string, CustomerSummary>> {
    const rows = await this.customers.findByIds(businessId, ids);
    return new Map(rows.map((c) => [c.id, toSummary(c)]));
  }

  /** One more visit (an attended appointment); last activity never moves backwards. */
  async recordVisit(businessId: string, customerId: string, at: Date): Promise<void> {
    await this.customers.recordVisit(businessId, customerId, at);
  }

  /**
   * An issued document changes what the customer spent: a sale adds its total,
   * a credit note takes it off. Given a transaction's `manager`, the change
   * commits (or rolls back) with the document.
   */
  async recordSpend(
    businessId: string,
    customerId: string,
    deltaAgorot: number,
    opts: { manager?: EntityManager; at?: Date } = {},
  ): Promise<void> {
    const customers = opts.manager ? this.customers.withManager(opts.manager) : this.customers;
    await customers.addSpend(businessId, customerId, deltaAgorot, opts.at ?? new Date());
  }

  /** New customers of a period, counted in SQL per bucket (reports). */
  countNew(businessId: string, period: ReportingPeriod): Promise<BucketRow<'count'>[]> {
    return this.customers.countNewByBucket(businessId, period);
  }

  private async match(
    customers: CustomersRepository,
    businessId: string,
    phone: string | null,
    email: string | null,
  ): Promise<Customer | null> {
    if (phone) {
      const byPhone = await customers.findByPhone(businessId, phone);
      if (byPhone) return byPhone;
    }
    if (email) return customers.findByEmail(businessId, email);
    return null;
  }
}
