import { toPublicAppointment } from './public-appointment.mapper';
import { pickFields } from '../../../common/objects/pick-fields';
import { toServiceDto } from '../../catalog/bookable-service.mapper';
import { PUBLIC_SERVICE_FIELDS } from '../../catalog/dto/service.dto';
import { Injectable } from '@nestjs/common';
import { BusinessDirectory } from '../../business/business-directory.service';
import { AppException, NotFoundAppException } from '../../../common/problem/app.exception';
import { BookingSettingsService } from '../../booking-settings/booking-settings.service';
import type { Business } from '../../../common/tenancy/business.entity';
import { CalendarsService } from '../../calendars/calendars.service';
import { ServiceCatalogService } from '../../catalog/service-catalog.service';
import { calendarIdsOf } from '../../catalog/bookable-service.mapper';
import { AppointmentSource, AppointmentStatus } from '../appointment-status';
import { SlotUnavailableException } from '../appointments.exception';
import { AvailabilityService } from '../availability/availability.service';
import { BookingService } from '../booking.service';
import type { PublicBookingDto, PublicBookingResultDto, PublicServiceDto } from '../dto/public.dto';
import type { SlotsQueryDto } from '../dto/appointment-input.dto';
import type { SlotsDto } from '../dto/slots.dto';
import { IdempotencyService } from '../../idempotency/idempotency.service';
import { SelfServiceLinks } from './self-service-links.service';

/** The booking pages: a business's catalogue and free times by its slug, and booking without an account. */
@Injectable()
export class PublicBookingService {
  constructor(
    private readonly directory: BusinessDirectory,
    private readonly settings: BookingSettingsService,
    private readonly catalog: ServiceCatalogService,
    private readonly calendars: CalendarsService,
    private readonly availability: AvailabilityService,
    private readonly booking: BookingService,
    private readonly idempotency: IdempotencyService,
    private readonly links: SelfServiceLinks,
  ) {}

  async services(slug: string): Promise<PublicServiceDto[]> {
    const business = await this.business(slug);
    const services = await this.catalog.activeCatalogue(business.id);
    const calendars = await this.calendars.findMany(business.id, [...new Set(services.flatMap(calendarIdsOf))]);
    const active = new Map(calendars.filter((c) => c.active).map((c) => [c.id, c.name]));
    return services.map((s) => ({
      ...pickFields(toServiceDto(s), PUBLIC_SERVICE_FIELDS),
      calendars: calendarIdsOf(s)
        .filter((id) => active.has(id))
        .map((id) => ({ id, name: active.get(id)! })),
    }));
  }

  async slots(slug: string, q: SlotsQueryDto): Promise<SlotsDto> {
    const business = await this.business(slug);
    return this.availability.slots(business.id, q, { publicView: true });
  }

  /**
   * Books an offered slot: matches or creates the customer by phone/email, picks
   * the requested calendar or the first free one, and answers with a signed
   * self-service link. Idempotent with `Idempotency-Key`.
   */
  async book(slug: string, dto: PublicBookingDto, idempotencyKey?: string): Promise<{ body: unknown; replayed: boolean }> {
    const business = await this.business(slug);
    const idem = this.idempotency.request('public.appointments.create', idempotencyKey, dto);
    const prior = await this.idempotency.replay(business.id, idem);
    if (prior) return { body: prior.body, replayed: true };

    const rules = await this.settings.rules(business.id);
    const service = await this.catalog.require(business.id, dto.serviceId);
    if (!service.active) throw new NotFoundAppException('service', dto.serviceId);
    const startsAt = new Date(dto.startsAt);
    const candidates = await this.availability.bookableCalendars(business.id, service, dto.calendarId);
    const free = await this.availability.calendarsFreeAt(business.id, service, candidates, startsAt, rules);
    if (free.length === 0) throw new SlotUnavailableException();

    const names = new Map(candidates.map((cal) => [cal.id, cal.name]));
    for (const [i, calendarId] of free.entries()) {
      try {
        const placed = await this.booking.place(
          business.id,
          {
            service,
            calendarId,
            customer: { matchOrCreate: { ...dto.customer, source: 'booking' } },
            startsAt,
            status: rules.requireConfirmation ? AppointmentStatus.pending : AppointmentStatus.confirmed,
            source: AppointmentSource.public,
            notes: dto.notes?.trim() || null,
          },
          {
            rules,
            idempotency: idem,
            by: null,
            present: (a): PublicBookingResultDto => ({
              appointment: toPublicAppointment(a, names.get(a.calendarId) ?? '', rules.timeZone),
              selfService: this.links.issue(a),
            }),
          },
        );
        return { body: placed.body, replayed: placed.appointment === null };
      } catch (err) {
        // Someone took this calendar meanwhile: try the next free one.
        if (err instanceof AppException && err.code === 'appointment.conflict' && i < free.length - 1) continue;
        throw err;
      }
    }
    throw new SlotUnavailableException();
  }

  private async business(slug: string): Promise<Business> {
    return this.directory.requireBySlug(slug);
  }
}
