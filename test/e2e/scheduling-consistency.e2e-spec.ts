import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { expectProblem, newBusiness, type TestBusiness } from '../support/factories';
import { localDate, localTime, newBookable, newCustomer, type Bookable } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const iso = (local: string) => new Date(local).toISOString();

describe('scheduling consistency', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let slug: string;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http, { businessName: 'Studio Consistency' });
    slug = (await t.http.get('/api/business').set(owner.auth)).body.slug;
    // Public booking needs the default minimum notice (60 min) and window (60 days): every slot below is 3–10 days ahead.
    const settings = await t.http.get('/api/booking-settings').set(owner.auth);
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    assert.ok(settings.body.minimumNoticeMinutes <= 24 * 60, JSON.stringify(settings.body));
  });
  after(() => t.close());

  /** Books publicly on the calendar; returns the appointment and its self-service link. */
  async function publicBook(b: Bookable, startsAt: string): Promise<{ appointment: Json; token: string }> {
    const res = await t.http
      .post(`/api/public/${slug}/appointments`)
      .send({ serviceId: b.serviceId, calendarId: b.calendarId, startsAt, customer: newCustomer() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(typeof res.body.selfService.token, 'string');
    assert.ok(res.body.selfService.url.endsWith(`/api/public/appointments/${res.body.selfService.token}`), res.body.selfService.url);
    return { appointment: res.body.appointment, token: res.body.selfService.token };
  }

  const staffPatch = (id: string, body: Json) => t.http.patch(`/api/appointments/${id}`).set(owner.auth).send(body);
  const staffBook = (b: Bookable, startsAt: string) =>
    t.http
      .post('/api/appointments')
      .set(owner.auth)
      .send({ ...b, startsAt, customer: newCustomer() });
  const reschedule = (token: string, startsAt: string) => t.http.post(`/api/public/appointments/${token}/reschedule`).send({ startsAt });
  const setActive = async (kind: 'calendars' | 'services', id: string, active: boolean) => {
    const res = await t.http.patch(`/api/${kind}/${id}`).set(owner.auth).send({ active });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.active, active);
  };
  const codeOf = (res: { status: number; headers: Record<string, string>; body: Json }, status: number) => expectProblem(res, status).code;

  it('a self-service link is valid while its appointment, as it is now, ended less than a day ago; a staff move keeps it working', async () => {
    const b = await newBookable(t.http, owner);
    const booked = localTime(5, '10:00');
    const { appointment, token } = await publicBook(b, booked);
    const link = `/api/public/appointments/${token}`;
    const view = await t.http.get(link);
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.equal(view.body.appointment.startsAt, iso(booked));

    // The appointment now ended a month ago: the link has expired with it.
    await t.app.get(DataSource).query(
      `UPDATE appointments SET starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days',
           blocked_from = blocked_from - interval '30 days', blocked_to = blocked_to - interval '30 days' WHERE id = $1`,
      [appointment.id],
    );
    assert.equal(codeOf(await t.http.get(link), 401), 'appointment_link.expired');
    assert.equal(codeOf(await t.http.post(`${link}/cancel`).send({}), 401), 'appointment_link.expired');
    assert.equal(codeOf(await reschedule(token, localTime(6, '11:00')), 401), 'appointment_link.expired');

    // Staff move it to a free future slot: no new link is issued, and the same one works again for the moved appointment.
    const movedTo = localTime(6, '12:00');
    const moved = await staffPatch(appointment.id, { startsAt: movedTo });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.startsAt, iso(movedTo));
    assert.equal(moved.body.status, 'confirmed');
    assert.ok(!('selfService' in moved.body), 'a staff reschedule answers no link');
    const again = await t.http.get(link);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.appointment.id, appointment.id);
    assert.equal(again.body.appointment.startsAt, iso(movedTo));
    assert.equal(again.body.appointment.localStartsAt.slice(11, 16), '12:00');
    assert.equal(again.body.canChange, true);
  });

  it('one rule for booking and moving, by staff or the customer: the service is active, the calendar performs it and is active', async () => {
    const b = await newBookable(t.http, owner, { calendarName: 'כיסא 1' });
    const original = localTime(5, '10:00');
    const { appointment, token } = await publicBook(b, original);

    // A second calendar that performs the service, then switched off.
    const other = await t.http.post('/api/calendars').set(owner.auth).send({ kind: 'resource', name: 'כיסא 2' });
    assert.equal(other.status, 201, JSON.stringify(other.body));
    const x = other.body.id as string;
    const schedule = await t.http
      .put(`/api/calendars/${x}/schedule`)
      .set(owner.auth)
      .send({ weekly: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), overrides: [] });
    assert.equal(schedule.status, 200, JSON.stringify(schedule.body));
    const performs = await t.http
      .patch(`/api/services/${b.serviceId}`)
      .set(owner.auth)
      .send({ calendarIds: [b.calendarId, x] });
    assert.equal(performs.status, 200, JSON.stringify(performs.body));
    await setActive('calendars', x, false);

    // Staff cannot move onto the inactive calendar, nor book there.
    assert.equal(codeOf(await staffPatch(appointment.id, { calendarId: x }), 409), 'calendar.inactive');
    assert.equal(codeOf(await staffPatch(appointment.id, { calendarId: x, startsAt: localTime(5, '11:00') }), 409), 'calendar.inactive');
    assert.equal(codeOf(await staffBook({ serviceId: b.serviceId, calendarId: x }, localTime(5, '12:00')), 409), 'calendar.inactive');

    // Its own calendar switched off: no move within it, no booking on it, by staff or by the customer.
    await setActive('calendars', b.calendarId, false);
    assert.equal(codeOf(await staffPatch(appointment.id, { startsAt: localTime(5, '11:00') }), 409), 'calendar.inactive');
    assert.equal(codeOf(await staffBook(b, localTime(5, '12:00')), 409), 'calendar.inactive');
    assert.equal(codeOf(await reschedule(token, localTime(5, '11:00')), 409), 'appointment.slot_unavailable');

    // The calendar back on, the service switched off: the customer cannot move it, and staff are refused by the same rule.
    await setActive('calendars', b.calendarId, true);
    await setActive('services', b.serviceId, false);
    assert.equal(codeOf(await reschedule(token, localTime(5, '11:00')), 409), 'appointment.slot_unavailable');
    assert.equal(codeOf(await staffPatch(appointment.id, { startsAt: localTime(5, '11:00') }), 409), 'service.inactive');

    // Nothing moved.
    const unchanged = await t.http.get(`/api/appointments/${appointment.id}`).set(owner.auth);
    assert.equal(unchanged.status, 200, JSON.stringify(unchanged.body));
    assert.equal(unchanged.body.startsAt, iso(original));
    assert.equal(unchanged.body.calendarId, b.calendarId);
    assert.equal(unchanged.body.status, 'confirmed');
    const viewed = await t.http.get(`/api/public/appointments/${token}`);
    assert.equal(viewed.body.appointment.startsAt, iso(original));

    // And with both on again the same move goes through (the refusals above were the rule, not the slot).
    await setActive('services', b.serviceId, true);
    const moved = await reschedule(token, localTime(5, '11:00'));
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.appointment.startsAt, iso(localTime(5, '11:00')));
  });

  it('a slot that is offered must be bookable: no slots for an inactive service (staff 409, public 404), and no booking', async () => {
    const b = await newBookable(t.http, owner);
    const window = { serviceId: b.serviceId, from: localDate(7), to: localDate(7) };
    const before = await t.http.get('/api/appointments/slots').set(owner.auth).query(window);
    assert.equal(before.status, 200, JSON.stringify(before.body));
    assert.ok(before.body.slots.length > 0);

    await setActive('services', b.serviceId, false);
    assert.equal(codeOf(await t.http.get('/api/appointments/slots').set(owner.auth).query(window), 409), 'service.inactive');
    assert.equal(codeOf(await staffBook(b, localTime(7, '10:00')), 409), 'service.inactive');
    expectProblem(await t.http.get(`/api/public/${slug}/slots`).query(window), 404);
    const catalogue = await t.http.get(`/api/public/${slug}/services`);
    assert.equal(catalogue.status, 200, JSON.stringify(catalogue.body));
    assert.ok(!(catalogue.body as Json[]).some((s) => s.id === b.serviceId), 'an inactive service is not in the public catalogue');

    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM appointments WHERE service_id = $1`, [b.serviceId]);
    assert.equal(n, 0);
  });
});
