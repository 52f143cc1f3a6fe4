import assert from 'node:assert/strict';
import { appointmentLinkSigner } from '../support/links';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { localDate, localTime, newBookable, newCustomer, type Bookable } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

describe('public booking', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let slug: string;
  let b: Bookable;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http, { businessName: 'Studio Dana' });
    slug = (await t.http.get('/api/business').set(owner.auth)).body.slug;
    b = await newBookable(t.http, owner, { duration: 30, calendarName: 'דנה' });
  });
  after(() => t.close());

  const publicBook = (body: Record<string, unknown>, key?: string) => {
    const req = t.http.post(`/api/public/${slug}/appointments`);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  it('shows the catalogue and free slots without a login', async () => {
    const services = await t.http.get(`/api/public/${slug}/services`);
    assert.equal(services.status, 200);
    const svc = services.body.find((s: { id: string }) => s.id === b.serviceId);
    assert.deepEqual(svc.calendars, [{ id: b.calendarId, name: 'דנה' }]);
    assert.equal(svc.priceAgorot, 12000);
    const slots = await t.http.get(`/api/public/${slug}/slots`).query({ serviceId: b.serviceId, from: localDate(3), to: localDate(3) });
    assert.equal(slots.status, 200);
    assert.equal(slots.body.slots.length, 31, '09:00 … 16:30 every 15 minutes');
    expectProblem(await t.http.get('/api/public/no-such-business/services'), 404);
  });

  it('books an offered slot once per Idempotency-Key, matching the customer by phone', async () => {
    const body = {
      serviceId: b.serviceId,
      startsAt: localTime(4, '10:00'),
      customer: { firstName: 'נועה', phone: '054-7654321', email: 'noa@example.co.il' },
    };
    const first = await publicBook(body, 'web-abc');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const second = await publicBook(body, 'web-abc');
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal(first.body.appointment.calendarName, 'דנה');
    assert.equal(first.body.appointment.status, 'confirmed');
    assert.match(first.body.selfService.url, /\/api\/public\/appointments\/ey/);
    expectProblem(await publicBook({ ...body, notes: 'שונה' }, 'web-abc'), 422);

    const ds = t.app.get(DataSource);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM appointments WHERE business_id = $1 AND source = 'public' AND starts_at = $2`,
      [owner.businessId, body.startsAt],
    );
    assert.equal(n, 1);
    // A later booking with the same phone is the same customer.
    const later = await publicBook({ ...body, startsAt: localTime(4, '11:00'), customer: { firstName: 'נועה', phone: '+972547654321' } });
    const ids = await ds.query(`SELECT DISTINCT customer_id FROM appointments WHERE id = ANY($1)`, [
      [first.body.appointment.id, later.body.appointment.id],
    ]);
    assert.equal(ids.length, 1);
  });

  it('refuses times that are not offered, taken, or without contact details', async () => {
    const taken = await publicBook({ serviceId: b.serviceId, startsAt: localTime(5, '10:00'), customer: newCustomer() });
    assert.equal(taken.status, 201);
    assert.equal(
      expectProblem(await publicBook({ serviceId: b.serviceId, startsAt: localTime(5, '10:00'), customer: newCustomer() }), 409).code,
      'appointment.slot_unavailable',
    );
    assert.equal(
      expectProblem(await publicBook({ serviceId: b.serviceId, startsAt: localTime(5, '20:00'), customer: newCustomer() }), 409).code,
      'appointment.slot_unavailable',
    );
    assert.equal(
      expectProblem(await publicBook({ serviceId: b.serviceId, startsAt: localTime(5, '10:07'), customer: newCustomer() }), 409).code,
      'appointment.slot_unavailable',
    );
    const noContact = await publicBook({ serviceId: b.serviceId, startsAt: localTime(5, '12:00'), customer: { firstName: 'בלי' } });
    assert.deepEqual(fieldsOf(expectProblem(noContact, 400)), ['customer.phone']);
  });

  it('lets the customer view, reschedule and cancel through the signed link, within the cancellation window', async () => {
    const res = await publicBook({ serviceId: b.serviceId, startsAt: localTime(6, '10:00'), customer: newCustomer('אבי', 'מזרחי') });
    const token = res.body.selfService.token;
    const view = await t.http.get(`/api/public/appointments/${token}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.appointment.id, res.body.appointment.id);
    assert.equal(view.body.business.slug, slug);
    assert.equal(view.body.canChange, true);

    const moved = await t.http.post(`/api/public/appointments/${token}/reschedule`).send({ startsAt: localTime(6, '10:15') });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.appointment.localStartsAt.slice(11, 16), '10:15');
    assert.ok(moved.body.selfService.token);
    expectProblem(await t.http.post(`/api/public/appointments/${token}/reschedule`).send({ startsAt: localTime(6, '20:00') }), 409);

    const cancelled = await t.http.post(`/api/public/appointments/${token}/cancel`).send({ reason: 'לא אוכל להגיע' });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.appointment.status, 'cancelled');
    assert.equal(cancelled.body.canChange, false);
    const staffView = await t.http.get(`/api/appointments/${res.body.appointment.id}`).set(owner.auth);
    assert.deepEqual([staffView.body.cancelledBy, staffView.body.cancellationReason], ['customer', 'לא אוכל להגיע']);
    expectProblem(await t.http.post(`/api/public/appointments/${token}/cancel`).send({}), 409);

    // Inside the window (default 24 h) changes are refused.
    const soon = await t.http
      .post('/api/appointments')
      .set(owner.auth)
      .send({ ...b, startsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(), customer: newCustomer() });
    const link = appointmentLinkSigner().sign({ typ: 'appointment_link', aid: soon.body.id, bid: owner.businessId }, { expiresIn: 3600 });
    assert.equal(
      expectProblem(await t.http.post(`/api/public/appointments/${link}/cancel`).send({}), 409).code,
      'appointment.change_window_closed',
    );
    assert.equal((await t.http.get(`/api/public/appointments/${link}`)).body.canChange, false);
  });

  it("cannot reach another appointment with one appointment's link; forged, foreign and expired links are refused", async () => {
    const a = await publicBook({ serviceId: b.serviceId, startsAt: localTime(7, '10:00'), customer: newCustomer() });
    const other = await publicBook({ serviceId: b.serviceId, startsAt: localTime(7, '11:00'), customer: newCustomer() });
    const [h, p, s] = a.body.selfService.token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, aid: other.body.appointment.id })).toString('base64url')}.${s}`;
    const jwt = appointmentLinkSigner();
    const expired = jwt.sign({
      typ: 'appointment_link',
      aid: a.body.appointment.id,
      bid: owner.businessId,
      exp: Math.floor(Date.now() / 1000) - 10,
    });
    const accessToken = owner.accessToken;
    const wrongSecret = appointmentLinkSigner('another-secret-that-is-long-enough-0123456789').sign({
      typ: 'appointment_link',
      aid: other.body.appointment.id,
      bid: owner.businessId,
    });

    assert.equal(
      expectProblem(await t.http.post(`/api/public/appointments/${tampered}/cancel`).send({}), 401).code,
      'appointment_link.invalid',
    );
    assert.equal(expectProblem(await t.http.get(`/api/public/appointments/${expired}`), 401).code, 'appointment_link.expired');
    expectProblem(await t.http.post(`/api/public/appointments/${expired}/cancel`).send({}), 401);
    expectProblem(await t.http.get(`/api/public/appointments/${accessToken}`), 401);
    expectProblem(await t.http.post(`/api/public/appointments/${wrongSecret}/cancel`).send({}), 401);
    // And a link is not an access token.
    expectProblem(await t.http.get('/api/appointments').set('Authorization', `Bearer ${a.body.selfService.token}`), 401);
    const untouched = await t.http.get(`/api/appointments/${other.body.appointment.id}`).set(owner.auth);
    assert.equal(untouched.body.status, 'confirmed');
  });

  it('starts public bookings as pending when the business confirms them itself', async () => {
    const put = await t.http.put('/api/booking-settings').set(owner.auth).send({ requireConfirmation: true, minimumNoticeMinutes: 0 });
    assert.equal(put.status, 200);
    const res = await publicBook({ serviceId: b.serviceId, startsAt: localTime(8, '10:00'), customer: newCustomer() });
    assert.equal(res.body.appointment.status, 'pending');
    await t.http.put('/api/booking-settings').set(owner.auth).send({});
  });
});
