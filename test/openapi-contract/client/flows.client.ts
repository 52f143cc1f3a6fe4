// A client of the API written only against the types openapi-typescript
// generates from the served document: generated-client.e2e-spec.ts copies it
// beside the generated `schema.ts`, type-checks it with tsc --strict, then
// runs it against the test app. It is outside the main tsconfig (`exclude`),
// since `./schema.js` exists only there.
import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

/** Compiles only when A and B are the same type: not wider, narrower, `any` or `never`. */
type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function exact<A, B>(proof: Exact<A, B>): void {
  void proof;
}

export interface FlowResult {
  accessToken: string;
  businessId: string;
  customerId: string;
  eventId: string;
  registrationId: string;
  calendarId: string;
  serviceId: string;
  slotCount: number;
  appointmentId: string;
  appointmentStatus: string;
}

/** Fails with the status and problem body of an answer that is not a success. */
function ok<T>(step: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new Error(`${step}: ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

function isoDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The main flows of a business: register → customer → event → register the
 * customer to it → calendar, service, weekly schedule → free slots → book.
 */
export async function runFlows(baseUrl: string, email: string): Promise<FlowResult> {
  const api = createClient<paths>({ baseUrl });

  const session = ok(
    'register',
    await api.POST('/api/auth/register', { body: { email, password: 'Sh4lom-Olam-2026', name: 'דנה לוי', businessName: 'סטודיו דנה' } }),
  );
  const businessId: string = session.businessId;
  const accessToken: string = session.accessToken;
  const isPlatformAdmin: boolean = session.user.isPlatformAdmin;
  void isPlatformAdmin;
  const headers = { Authorization: `Bearer ${accessToken}` };

  const customer = ok(
    'create customer',
    await api.POST('/api/customers', {
      headers,
      body: { firstName: 'יוסי', lastName: 'כהן', phone: `+97252${String(Date.now()).slice(-7)}`, tags: ['VIP'] },
    }),
  );
  const customerId: string = customer.id;
  exact<typeof customer.lastName, string | null>(true);
  exact<typeof customer.birthday, string | null>(true);
  exact<typeof customer.tags, string[]>(true);
  exact<typeof customer.language, 'he' | 'en'>(true);
  const lastName: string | null = customer.lastName;
  // @ts-expect-error lastName is nullable: a client must handle null
  const notNull: string = customer.lastName;
  void [lastName, notNull];

  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const event = ok(
    'create event',
    await api.POST('/api/events', {
      headers,
      body: {
        title: 'סדנת קרמיקה',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        capacity: 10,
        status: 'published',
      },
    }),
  );
  const eventId: string = event.id;
  exact<typeof event.capacity, number | null>(true);
  exact<typeof event.spotsLeft, number | null>(true);
  exact<typeof event.status, 'draft' | 'published' | 'cancelled'>(true);

  const registration = ok(
    'register customer to event',
    await api.POST('/api/events/{id}/registrations', { headers, params: { path: { id: eventId } }, body: { customerId } }),
  );
  exact<typeof registration.status, 'confirmed' | 'waitlisted' | 'cancelled'>(true);
  exact<typeof registration.confirmedAt, string | null>(true);
  const registered = registration.customer;
  // A nullable reference: the referenced object's type, or null.
  const registeredName: string | undefined = registered?.firstName;
  exact<NonNullable<typeof registered>['lastName'], string | null>(true);
  // @ts-expect-error customer is nullable
  const registeredNotNull: { firstName: string } = registration.customer;
  void [registeredName, registeredNotNull];

  // Someone not yet a customer: the nested `customer`, as when booking.
  const newcomer = ok(
    'register a new customer to event',
    await api.POST('/api/events/{id}/registrations', {
      headers,
      params: { path: { id: eventId } },
      body: { customer: { firstName: 'נועה', lastName: 'לוי', phone: `+97254${String(Date.now()).slice(-7)}`, language: 'he' } },
    }),
  );
  if (newcomer.customerId === customerId) throw new Error('register a new customer to event: matched the existing customer');

  const calendar = ok('create calendar', await api.POST('/api/calendars', { headers, body: { kind: 'resource', name: 'כיסא 1' } }));
  const calendarId: string = calendar.id;
  exact<typeof calendar.memberId, string | null>(true);

  const service = ok(
    'create service',
    await api.POST('/api/services', {
      headers,
      body: { name: 'תספורת גברים', durationMinutes: 30, priceAgorot: 12000, calendarIds: [calendarId] },
    }),
  );
  const serviceId: string = service.id;
  exact<typeof service.nameEn, string | null>(true);

  const schedule = ok(
    'set schedule',
    await api.PUT('/api/calendars/{id}/schedule', {
      headers,
      params: { path: { id: calendarId } },
      body: { weekly: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), overrides: [] },
    }),
  );
  const weekly: { weekday: number; start: string; end: string }[] = schedule.weekly;
  void weekly;

  const slots = ok(
    'get slots',
    await api.GET('/api/appointments/slots', { headers, params: { query: { serviceId, calendarId, from: isoDate(2), to: isoDate(3) } } }),
  );
  const first = slots.slots[0];
  if (!first) throw new Error(`get slots: none between ${isoDate(2)} and ${isoDate(3)}`);
  const slotStart: string = first.startsAt;
  const localStart: string = first.localStartsAt;
  const free: string[] = first.calendarIds;
  void [free, localStart];

  const appointment = ok(
    'book appointment',
    await api.POST('/api/appointments', { headers, body: { serviceId, calendarId, customerId, startsAt: slotStart } }),
  );
  exact<typeof appointment.status, 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show'>(true);
  exact<typeof appointment.cancelledBy, 'staff' | 'customer' | null>(true);
  exact<typeof appointment.meetingUrl, string | null>(true);
  const bookedFor: string | undefined = appointment.customer?.id;
  void bookedFor;

  const list = ok('list appointments', await api.GET('/api/appointments', { headers }));
  const total: number = list.meta.total;
  if (total < 1 || !list.data.some((a) => a.id === appointment.id)) throw new Error(`list appointments: ${appointment.id} not listed`);

  return {
    accessToken,
    businessId,
    customerId,
    eventId,
    registrationId: registration.id,
    calendarId,
    serviceId,
    slotCount: slots.slots.length,
    appointmentId: appointment.id,
    appointmentStatus: appointment.status,
  };
}
