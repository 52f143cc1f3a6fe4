import type { PayableRecord } from '../../common/payments/payable-record';
import { Injectable } from '@nestjs/common';
import { eventActor } from '../../common/domain-events/event-actor';
import type { Actor } from '../../common/auth/actor';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { BookingSettingsService } from '../booking-settings/booking-settings.service';
import { CalendarsService } from '../calendars/calendars.service';
import { chooseCustomer } from '../customers/customer-choice';
import { CustomersService } from '../customers/customers.service';
import { ServiceCatalogService } from '../catalog/service-catalog.service';
import { toAppointmentDto, toEventPayload } from './appointment.mapper';
import { AppointmentSource, AppointmentStatus } from './appointment-status';
import { AppointmentTransitionsService, StatusAction } from './appointment-transitions.service';
import { AppointmentsRepository } from './appointments.repository';
import { assertBookable } from './bookable';
import { BookingService } from './booking.service';
import type { AppointmentDto } from './dto/appointment.dto';
import type { AppointmentQueryDto, CreateAppointmentDto, UpdateAppointmentDto } from './dto/appointment-input.dto';
import { IdempotencyService } from '../idempotency/idempotency.service';

/** What staff, admins and API keys do with appointments. */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly booking: BookingService,
    private readonly transitions: AppointmentTransitionsService,
    private readonly idempotency: IdempotencyService,
    private readonly settings: BookingSettingsService,
    private readonly catalog: ServiceCatalogService,
    private readonly calendars: CalendarsService,
    private readonly customers: CustomersService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Books for a customer (by id, or matched/created from contact details).
   * Staff may book outside the published hours; only overlaps are refused.
   */
  async create(actor: Actor, dto: CreateAppointmentDto, idempotencyKey?: string): Promise<{ body: unknown; replayed: boolean }> {
    const businessId = actor.businessId;
    const idem = this.idempotency.request('appointments.create', idempotencyKey, dto);
    const prior = await this.idempotency.replay(businessId, idem);
    if (prior) return { body: prior.body, replayed: true };
    const choice = chooseCustomer(dto);
    const [rules, service, calendar, knownCustomer] = await Promise.all([
      this.settings.rules(businessId),
      this.catalog.require(businessId, dto.serviceId),
      this.calendars.require(businessId, dto.calendarId),
      'customerId' in choice ? this.customers.getSummary(businessId, choice.customerId) : null,
    ]);
    if ('customerId' in choice && !knownCustomer) throw new NotFoundAppException('customer', choice.customerId);
    assertBookable(service, calendar);
    const placed = await this.booking.place(
      businessId,
      {
        service,
        calendarId: calendar.id,
        customer: 'customerId' in choice ? { id: choice.customerId } : { matchOrCreate: { ...choice.customer, source: 'booking' } },
        startsAt: new Date(dto.startsAt),
        status: dto.status ?? AppointmentStatus.confirmed,
        source: actor.kind === 'api_key' ? AppointmentSource.api : AppointmentSource.staff,
        notes: dto.notes?.trim() || null,
        priceAgorot: dto.priceAgorot,
      },
      { rules, idempotency: idem, by: eventActor(actor), present: (a) => toAppointmentDto(a, rules.timeZone) },
    );
    return { body: placed.body, replayed: placed.appointment === null };
  }

  async get(businessId: string, id: string): Promise<AppointmentDto> {
    const [row, rules] = await Promise.all([this.appointments.findWithCustomer(businessId, id), this.settings.rules(businessId)]);
    if (!row) throw new NotFoundAppException('appointment', id);
    return toAppointmentDto(row, rules.timeZone);
  }

  async list(businessId: string, q: AppointmentQueryDto): Promise<[AppointmentDto[], number]> {
    const [[rows, total], rules] = await Promise.all([
      this.appointments.page(
        businessId,
        {
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          calendarId: q.calendarId,
          serviceId: q.serviceId,
          customerId: q.customerId,
          statuses: q.status,
        },
        q,
      ),
      this.settings.rules(businessId),
    ]);
    return [rows.map((r) => toAppointmentDto(r, rules.timeZone)), total];
  }

  /** Reschedules (new start and/or calendar) and/or edits notes. */
  async update(actor: Actor, id: string, dto: UpdateAppointmentDto): Promise<AppointmentDto> {
    const businessId = actor.businessId;
    const current = await this.appointments.findById(businessId, id);
    if (!current) throw new NotFoundAppException('appointment', id);
    const startsAt = dto.startsAt ? new Date(dto.startsAt) : current.startsAt;
    const calendarId = dto.calendarId ?? current.calendarId;
    if (startsAt.getTime() !== current.startsAt.getTime() || calendarId !== current.calendarId) {
      const [rules, service] = await Promise.all([this.settings.rules(businessId), this.catalog.require(businessId, current.serviceId)]);
      assertBookable(service, await this.calendars.require(businessId, calendarId));
      await this.booking.move(businessId, current, { service, calendarId, startsAt }, { rules, by: eventActor(actor) });
    }
    const notes = dto.notes === undefined ? undefined : dto.notes?.trim() || null;
    if (notes !== undefined && notes !== current.notes) {
      await this.appointments.updateFields(businessId, id, { notes });
      const updated = (await this.appointments.findById(businessId, id))!;
      await this.events.emitAndWait('appointment.updated', { ...toEventPayload(updated, eventActor(actor)), changed: ['notes'] });
    }
    return this.get(businessId, id);
  }

  async transition(actor: Actor, id: string, action: StatusAction, reason?: string): Promise<AppointmentDto> {
    const rules = await this.settings.rules(actor.businessId);
    await this.transitions.apply(actor.businessId, id, action, { rules, reason, cancelledBy: 'staff', by: eventActor(actor) });
    return this.get(actor.businessId, id);
  }

  /** What a payment for it needs to check (whose it is, whether it still counts); null when the business has none such. */
  async payable(businessId: string, id: string): Promise<PayableRecord | null> {
    const row = await this.appointments.findById(businessId, id);
    return row ? { customerId: row.customerId, cancelled: row.status === AppointmentStatus.cancelled, paid: row.paidAt !== null } : null;
  }

  /** Paid by `paymentId` (the payments module calls this once the gateway confirmed it); a second payment does not replace the first. */
  markPaid(businessId: string, id: string, paymentId: string, at: Date): Promise<boolean> {
    return this.appointments.markPaid(businessId, id, paymentId, at);
  }
}
