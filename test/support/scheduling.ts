import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type TestAgent from 'supertest/lib/agent';
import type { TestBusiness } from './factories';

export const TLV = 'Asia/Jerusalem';

export interface Bookable {
  serviceId: string;
  calendarId: string;
}

/**
 * A resource calendar open every day `hours` (business time zone) and a service
 * it performs. Returns their ids.
 */
export async function newBookable(
  http: TestAgent,
  owner: TestBusiness,
  opts: {
    hours?: [string, string];
    duration?: number;
    bufferBefore?: number;
    bufferAfter?: number;
    name?: string;
    calendarName?: string;
  } = {},
): Promise<Bookable> {
  const calendar = await http
    .post('/api/calendars')
    .set(owner.auth)
    .send({ kind: 'resource', name: opts.calendarName ?? 'כיסא 1' });
  assert.equal(calendar.status, 201, JSON.stringify(calendar.body));
  const [start, end] = opts.hours ?? ['09:00', '17:00'];
  const schedule = await http
    .put(`/api/calendars/${calendar.body.id}/schedule`)
    .set(owner.auth)
    .send({ weekly: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start, end })), overrides: [] });
  assert.equal(schedule.status, 200, JSON.stringify(schedule.body));
  const service = await http
    .post('/api/services')
    .set(owner.auth)
    .send({
      name: opts.name ?? 'תספורת גברים',
      durationMinutes: opts.duration ?? 30,
      priceAgorot: 12000,
      bufferBeforeMinutes: opts.bufferBefore ?? 0,
      bufferAfterMinutes: opts.bufferAfter ?? 0,
      calendarIds: [calendar.body.id],
    });
  assert.equal(service.status, 201, JSON.stringify(service.body));
  return { serviceId: service.body.id, calendarId: calendar.body.id };
}

/** `HH:mm` on the local day `daysAhead` days from today in Jerusalem, as ISO with offset. */
export function localTime(daysAhead: number, time: string, zone = TLV): string {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.now().setZone(zone).startOf('day').plus({ days: daysAhead }).set({ hour, minute }).toISO({ suppressMilliseconds: true })!;
}

export function localDate(daysAhead: number, zone = TLV): string {
  return DateTime.now().setZone(zone).startOf('day').plus({ days: daysAhead }).toISODate()!;
}

/** A new customer body with a unique Israeli mobile number. */
export function newCustomer(firstName = 'יוסי', lastName = 'כהן'): { firstName: string; lastName: string; phone: string } {
  const n = String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0');
  return { firstName, lastName, phone: `+97252${n}` };
}

export function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}
