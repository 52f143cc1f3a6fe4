/** The rules a business books by. */
export interface BookingRules {
  /** IANA zone the business's day is read in. */
  timeZone: string;
  /** Whether `timeZone` is the business's own zone (no override stored). */
  timeZoneFollowsBusiness: boolean;
  minimumNoticeMinutes: number;
  bookingWindowDays: number;
  slotIntervalMinutes: number;
  cancellationWindowHours: number;
  reminderOffsetsMinutes: number[];
  requireConfirmation: boolean;
}

export const DEFAULT_BOOKING_RULES: Omit<BookingRules, 'timeZone' | 'timeZoneFollowsBusiness'> = {
  minimumNoticeMinutes: 60,
  bookingWindowDays: 60,
  slotIntervalMinutes: 15,
  cancellationWindowHours: 24,
  reminderOffsetsMinutes: [1440, 120],
  requireConfirmation: false,
};

export const DEFAULT_TIME_ZONE = 'Asia/Jerusalem';
