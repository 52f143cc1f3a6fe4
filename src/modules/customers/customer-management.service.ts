import { Injectable } from '@nestjs/common';
import type { DomainEventActor } from '../../common/domain-events/domain-event.map';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { ActivityService } from '../activity/activity.service';
import type { ActivityEntryDto } from '../activity/dto/activity-entry.dto';
import { SCALAR_FIELDS } from './customer-fields';
import { consentColumns, newCustomerRow } from './customer-row';
import { buildSearchText } from './customer-search';
import { toCustomerActivityDto, toCustomerDto } from './customer.mapper';
import { CustomerFilter, CustomerSort, CustomersRepository } from './customers.repository';
import { CustomerContactRequiredException, CustomerContactTakenException } from './customers.exception';
import type { CreateCustomerDto } from './dto/create-customer.dto';
import type { CustomerFilterDto, CustomerQueryDto } from './dto/customer-query.dto';
import type { CustomerActivityDto, CustomerDto } from './dto/customer-response.dto';
import type { UpdateCustomerDto } from './dto/update-customer.dto';
import type { Customer } from './entities/customer.entity';

export function toCustomerFilter(q: CustomerFilterDto): CustomerFilter {
  return {
    q: q.q?.trim() || undefined,
    tags: q.tag,
    consent: q.consent,
    createdFrom: q.createdFrom ? new Date(q.createdFrom) : undefined,
    createdTo: q.createdTo ? new Date(q.createdTo) : undefined,
    archived: q.archived ?? 'active',
  };
}

/** The customers API: create, read, update, archive/restore, list and timeline. */
@Injectable()
export class CustomerManagementService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly activity: ActivityService,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
  ) {}

  async create(businessId: string, dto: CreateCustomerDto, by: DomainEventActor | null): Promise<CustomerDto> {
    const email = dto.email ?? null;
    const phone = dto.phone ?? null;
    if (!email && !phone) throw new CustomerContactRequiredException();
    await this.assertContactsFree(businessId, { phone, email }, null);
    const customer = await this.customers.insert(businessId, newCustomerRow(dto, new Date()));
    this.events.emit('customer.created', { businessId, customerId: customer.id, source: customer.source, by });
    return toCustomerDto(customer);
  }

  async get(businessId: string, id: string): Promise<CustomerDto> {
    return toCustomerDto(await this.load(businessId, id));
  }

  /** Applies the sent fields under the customer's row lock: concurrent edits of different fields all survive. */
  async update(businessId: string, id: string, dto: UpdateCustomerDto, by: DomainEventActor | null): Promise<CustomerDto> {
    const { customer, changed, tagsBefore } = await this.tx.run(async (em) => {
      const customers = this.customers.withManager(em);
      const customer = await customers.lockById(businessId, id);
      if (!customer) throw new NotFoundAppException('customer', id);
      const tagsBefore = [...customer.tags];
      const changed = await this.applyChanges(businessId, customer, dto);
      if (!changed.size) return { customer, changed, tagsBefore };
      customer.searchText = buildSearchText(customer);
      return { customer: await customers.save(businessId, customer), changed, tagsBefore };
    });
    if (changed.size) this.events.emit('customer.updated', { businessId, customerId: id, changed: [...changed], by });
    if (changed.has('tags')) this.emitTagChanges(businessId, id, tagsBefore, customer.tags, by);
    return toCustomerDto(customer);
  }

  /** One event per tag put on or taken off (automations trigger on them). */
  private emitTagChanges(businessId: string, customerId: string, before: string[], after: string[], by: DomainEventActor | null): void {
    const at = new Date().toISOString();
    for (const tag of after.filter((t) => !before.includes(t)))
      this.events.emit('customer.tag_added', { businessId, customerId, tag, at, by });
    for (const tag of before.filter((t) => !after.includes(t)))
      this.events.emit('customer.tag_removed', { businessId, customerId, tag, at, by });
  }

  /** DELETE archives: customers referenced by invoices or appointments are never removed. Idempotent: one archive, one event. */
  async archive(businessId: string, id: string, by: DomainEventActor | null): Promise<void> {
    const archived = await this.customers.setArchived(businessId, id, new Date());
    if (archived === 'missing') throw new NotFoundAppException('customer', id);
    if (archived === 'changed') this.events.emit('customer.archived', { businessId, customerId: id, by });
  }

  async restore(businessId: string, id: string, by: DomainEventActor | null): Promise<CustomerDto> {
    const restored = await this.customers.setArchived(businessId, id, null);
    if (restored === 'missing') throw new NotFoundAppException('customer', id);
    if (restored === 'changed') this.events.emit('customer.restored', { businessId, customerId: id, by });
    return this.get(businessId, id);
  }

  private async applyChanges(businessId: string, customer: Customer, dto: UpdateCustomerDto): Promise<Set<string>> {
    const changed = new Set<string>();
    for (const key of SCALAR_FIELDS) {
      const value = (dto as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const next = value === '' ? null : value;
      if ((customer as unknown as Record<string, unknown>)[key] !== next) {
        (customer as unknown as Record<string, unknown>)[key] = next;
        changed.add(key);
      }
    }
    if (!customer.email && !customer.phone) throw new CustomerContactRequiredException();
    if (changed.has('phone') || changed.has('email')) {
      await this.assertContactsFree(
        businessId,
        { phone: changed.has('phone') ? customer.phone : null, email: changed.has('email') ? customer.email : null },
        customer.id,
      );
    }
    if (dto.tags !== undefined && JSON.stringify(dto.tags) !== JSON.stringify(customer.tags)) {
      customer.tags = dto.tags;
      changed.add('tags');
    }
    if (dto.customFields !== undefined && JSON.stringify(dto.customFields) !== JSON.stringify(customer.customFields)) {
      customer.customFields = dto.customFields;
      changed.add('customFields');
    }
    if (dto.marketingConsent) {
      Object.assign(customer, consentColumns(dto.marketingConsent, new Date(), customer));
      changed.add('marketingConsent');
    }
    return changed;
  }

  async list(businessId: string, query: CustomerQueryDto): Promise<[CustomerDto[], number | null]> {
    const [rows, total] = await this.page(businessId, query);
    return [rows.map(toCustomerDto), total];
  }

  /** The same list (same search, filters, sort and paging), as the provider dashboard's rows: spend, visits, last activity. */
  async listActivity(businessId: string, query: CustomerQueryDto): Promise<[CustomerActivityDto[], number | null]> {
    const [rows, total] = await this.page(businessId, query);
    return [rows.map(toCustomerActivityDto), total];
  }

  private page(businessId: string, query: CustomerQueryDto): Promise<[Customer[], number | null]> {
    const sort: CustomerSort = { field: query.sort ?? 'createdAt', direction: (query.order ?? 'desc') === 'asc' ? 'ASC' : 'DESC' };
    return this.customers.search(
      businessId,
      toCustomerFilter(query),
      sort,
      { offset: (query.page - 1) * query.limit, limit: query.limit },
      query.total !== 'false',
    );
  }

  /** The customer's activity, newest first (appointments, registrations, payments, messages, edits). */
  async timeline(
    businessId: string,
    id: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: ActivityEntryDto[]; total: number }> {
    await this.load(businessId, id);
    return this.activity.list(businessId, { customerId: id }, page);
  }

  private async load(businessId: string, id: string): Promise<Customer> {
    const customer = await this.customers.findById(businessId, id);
    if (!customer) throw new NotFoundAppException('customer', id);
    return customer;
  }

  private async assertContactsFree(
    businessId: string,
    contact: { phone: string | null; email: string | null },
    selfId: string | null,
  ): Promise<void> {
    if (contact.phone) {
      const other = await this.customers.findByPhone(businessId, contact.phone);
      if (other && other.id !== selfId) throw new CustomerContactTakenException('phone', other.id);
    }
    if (contact.email) {
      const other = await this.customers.findByEmail(businessId, contact.email);
      if (other && other.id !== selfId) throw new CustomerContactTakenException('email', other.id);
    }
  }
}
