import { Injectable } from '@nestjs/common';
import { BusinessDirectory } from '../business/business-directory.service';
import { BookingRules, DEFAULT_BOOKING_RULES, DEFAULT_TIME_ZONE } from './booking-settings.defaults';
import { BookingSettingsRepository } from './booking-settings.repository';
import type { BookingSettingsDto, UpdateBookingSettingsDto } from './dto/booking-settings.dto';

const toDto = (r: BookingRules): BookingSettingsDto => ({ ...r, reminderOffsetsMinutes: [...r.reminderOffsetsMinutes] });

/** Reads a business's booking rules (stored values over defaults) and replaces them. */
@Injectable()
export class BookingSettingsService {
  constructor(
    private readonly settings: BookingSettingsRepository,
    private readonly businesses: BusinessDirectory,
  ) {}

  /** The effective rules: the stored row, or the defaults with the business's time zone. */
  async rules(businessId: string): Promise<BookingRules> {
    const [row, business] = await Promise.all([this.settings.findForBusiness(businessId), this.businesses.require(businessId)]);
    const businessZone = business.timezone || DEFAULT_TIME_ZONE;
    if (!row)
      return {
        ...DEFAULT_BOOKING_RULES,
        reminderOffsetsMinutes: [...DEFAULT_BOOKING_RULES.reminderOffsetsMinutes],
        timeZone: businessZone,
        timeZoneFollowsBusiness: true,
      };
    return {
      timeZone: row.timeZone ?? businessZone,
      timeZoneFollowsBusiness: row.timeZone === null,
      minimumNoticeMinutes: row.minimumNoticeMinutes,
      bookingWindowDays: row.bookingWindowDays,
      slotIntervalMinutes: row.slotIntervalMinutes,
      cancellationWindowHours: row.cancellationWindowHours,
      reminderOffsetsMinutes: row.reminderOffsetsMinutes,
      requireConfirmation: row.requireConfirmation,
    };
  }

  async get(businessId: string): Promise<BookingSettingsDto> {
    return toDto(await this.rules(businessId));
  }

  /** PUT semantics: every omitted field goes back to its default. */
  async replace(businessId: string, dto: UpdateBookingSettingsDto): Promise<BookingSettingsDto> {
    const d = DEFAULT_BOOKING_RULES;
    const offsets = [...new Set(dto.reminderOffsetsMinutes ?? d.reminderOffsetsMinutes)].sort((a, b) => b - a);
    await this.settings.upsert(businessId, {
      timeZone: dto.timeZone ?? null,
      minimumNoticeMinutes: dto.minimumNoticeMinutes ?? d.minimumNoticeMinutes,
      bookingWindowDays: dto.bookingWindowDays ?? d.bookingWindowDays,
      slotIntervalMinutes: dto.slotIntervalMinutes ?? d.slotIntervalMinutes,
      cancellationWindowHours: dto.cancellationWindowHours ?? d.cancellationWindowHours,
      reminderOffsetsMinutes: offsets,
      requireConfirmation: dto.requireConfirmation ?? d.requireConfirmation,
    });
    return this.get(businessId);
  }
}
