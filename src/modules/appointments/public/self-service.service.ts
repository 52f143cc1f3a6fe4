import { Injectable } from '@nestjs/common';
import { NotFoundAppException } from '../../../common/problem/app.exception';
import { BookingRules } from '../../booking-settings/booking-settings.defaults';
import { BookingSettingsService } from '../../booking-settings/booking-settings.service';
import { BusinessDirectory } from '../../business/business-directory.service';
import { CalendarsService } from '../../calendars/calendars.service';
import { ServiceCatalogService } from '../../catalog/service-catalog.service';
import { nextStatus } from '../appointment-status';
import { AppointmentTransitionsService } from '../appointment-transitions.service';
import { ChangeWindowClosedException, InvalidTransitionException, SlotUnavailableException } from '../appointments.exception';
import { AppointmentsRepository } from '../appointments.repository';
import { AvailabilityService } from '../availability/availability.service';
import { BookingService } from '../booking.service';
import type { SelfServiceViewDto } from '../dto/public.dto';
import type { Appointment } from '../entities/appointment.entity';
import { toPublicAppointment } from './public-appointment.mapper';
import { SelfServiceLinks } from './self-service-links.service';

/**
 * What a customer can do with the signed link of their appointment: see it,
 * and until the business's cancellation window closes, cancel or move it to
 * another offered slot. The token names the appointment; nothing else is reachable.
 */
@Injectable()
export class SelfServiceService {
  constructor(
    private readonly links: SelfServiceLinks,
    private readonly appointments: AppointmentsRepository,
    private readonly settings: BookingSettingsService,
    private readonly businesses: BusinessDirectory,
    private readonly calendars: CalendarsService,
    private readonly catalog: ServiceCatalogService,
    private readonly availability: AvailabilityService,
    private readonly booking: BookingService,
    private readonly transitions: AppointmentTransitionsService,
  ) {}

  async view(token: string): Promise<SelfServiceViewDto> {
    const { appointment, rules } = await this.load(token);
    return this.present(appointment, rules);
  }

  async cancel(token: string, reason?: string): Promise<SelfServiceViewDto> {
    const { appointment, rules } = await this.load(token);
    this.assertChangeable(appointment, rules, 'cancel');
    const cancelled = await this.transitions.apply(appointment.businessId, appointment.id, 'cancel', {
      rules,
      reason,
      cancelledBy: 'customer',
      by: null,
    });
    return this.present(cancelled, rules);
  }

  async reschedule(token: string, startsAtIso: string): Promise<SelfServiceViewDto> {
    const { appointment, rules } = await this.load(token);
    this.assertChangeable(appointment, rules, 'reschedule');
    const businessId = appointment.businessId;
    const service = await this.catalog.require(businessId, appointment.serviceId);
    const calendar = await this.calendars.require(businessId, appointment.calendarId);
    // Only an offered slot: never onto a service or calendar the business has switched off.
    if (!service.active || !calendar.active) throw new SlotUnavailableException();
    const startsAt = new Date(startsAtIso);
    const free = await this.availability.calendarsFreeAt(businessId, service, [calendar], startsAt, rules, appointment.id);
    if (!free.includes(calendar.id)) throw new SlotUnavailableException();
    const moved = await this.booking.move(businessId, appointment, { service, calendarId: calendar.id, startsAt }, { rules, by: null });
    return { ...(await this.present(moved, rules)), selfService: this.links.issue(moved) };
  }

  private async load(token: string): Promise<{ appointment: Appointment; rules: BookingRules }> {
    const { appointmentId, businessId } = this.links.verify(token);
    const appointment = await this.appointments.findById(businessId, appointmentId);
    if (!appointment) throw new NotFoundAppException('appointment', appointmentId);
    this.links.assertUsable(appointment);
    return { appointment, rules: await this.settings.rules(businessId) };
  }

  private deadline(a: Appointment, rules: BookingRules): Date {
    return new Date(a.startsAt.getTime() - rules.cancellationWindowHours * 3_600_000);
  }

  private assertChangeable(a: Appointment, rules: BookingRules, action: 'cancel' | 'reschedule'): void {
    if (!nextStatus(a.status, action)) throw new InvalidTransitionException(action, a.status);
    const deadline = this.deadline(a, rules);
    if (Date.now() > deadline.getTime()) throw new ChangeWindowClosedException(deadline);
  }

  private async present(a: Appointment, rules: BookingRules): Promise<SelfServiceViewDto> {
    const [business, calendar] = await Promise.all([
      this.businesses.require(a.businessId),
      this.calendars.require(a.businessId, a.calendarId),
    ]);
    const deadline = this.deadline(a, rules);
    return {
      appointment: toPublicAppointment(a, calendar.name, rules.timeZone),
      business: { name: business.name, slug: business.slug },
      canChange: nextStatus(a.status, 'cancel') !== null && Date.now() <= deadline.getTime(),
      changeDeadline: deadline,
    };
  }
}
