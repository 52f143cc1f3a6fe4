import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldsOf, newBusiness, newMember, type TestBusiness } from '../support/factories';
import { localDate, localTime, newBookable, newCustomer } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

describe('services, calendars, schedules and booking settings', () => {
  let t: TestApp;
  let owner: TestBusiness;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http);
  });
  after(() => t.close());

  it('creates, lists, changes and deletes services with the calendars that perform them', async () => {
    const cal = (await t.http.post('/api/calendars').set(owner.auth).send({ kind: 'resource', name: 'חדר טיפולים 1' })).body;
    const created = await t.http
      .post('/api/services')
      .set(owner.auth)
      .send({
        name: 'עיסוי שוודי',
        nameEn: 'Swedish massage',
        durationMinutes: 60,
        priceAgorot: 25000,
        bufferAfterMinutes: 15,
        calendarIds: [cal.id],
        meetingUrlTemplate: 'https://meet.example.com/cg-{appointmentId}',
      });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(
      { ...created.body, id: undefined, createdAt: undefined, updatedAt: undefined },
      {
        id: undefined,
        name: 'עיסוי שוודי',
        nameEn: 'Swedish massage',
        description: null,
        durationMinutes: 60,
        priceAgorot: 25000,
        currency: 'ILS',
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 15,
        active: true,
        calendarIds: [cal.id],
        meetingUrlTemplate: 'https://meet.example.com/cg-{appointmentId}',
        createdAt: undefined,
        updatedAt: undefined,
      },
    );
    const listed = await t.http.get('/api/services').set(owner.auth).query({ calendarId: cal.id });
    assert.deepEqual(
      listed.body.data.map((s: { id: string }) => s.id),
      [created.body.id],
    );
    const patched = await t.http
      .patch(`/api/services/${created.body.id}`)
      .set(owner.auth)
      .send({ priceAgorot: 27000, calendarIds: [], active: false });
    assert.deepEqual([patched.body.priceAgorot, patched.body.calendarIds, patched.body.active], [27000, [], false]);
    assert.equal((await t.http.get('/api/services').set(owner.auth).query({ active: 'true' })).body.meta.total, 0);
    assert.equal((await t.http.delete(`/api/services/${created.body.id}`).set(owner.auth)).status, 204);
    expectProblem(await t.http.get(`/api/services/${created.body.id}`).set(owner.auth), 404);
  });

  it('keeps booked services and calendars (409 on delete) and renders the meeting link', async () => {
    const b = await newBookable(t.http, owner);
    await t.http
      .patch(`/api/services/${b.serviceId}`)
      .set(owner.auth)
      .send({ meetingUrlTemplate: 'https://meet.example.com/cg-{appointmentId}' });
    const a = await t.http
      .post('/api/appointments')
      .set(owner.auth)
      .send({ ...b, startsAt: localTime(3, '10:00'), customer: newCustomer() });
    assert.equal(a.body.meetingUrl, `https://meet.example.com/cg-${a.body.id}`);
    assert.equal(expectProblem(await t.http.delete(`/api/services/${b.serviceId}`).set(owner.auth), 409).code, 'service.in_use');
    assert.equal(expectProblem(await t.http.delete(`/api/calendars/${b.calendarId}`).set(owner.auth), 409).code, 'calendar.in_use');
    const inactive = await t.http.patch(`/api/calendars/${b.calendarId}`).set(owner.auth).send({ active: false });
    assert.equal(inactive.body.active, false);
    const slots = await t.http
      .get('/api/appointments/slots')
      .set(owner.auth)
      .query({ serviceId: b.serviceId, from: localDate(3), to: localDate(3) });
    assert.deepEqual(slots.body.slots, []);
  });

  it('replaces a schedule with overrides, and names invalid fields', async () => {
    const b = await newBookable(t.http, owner, { duration: 60 });
    const dayOff = localDate(4);
    const short = localDate(5);
    const put = await t.http
      .put(`/api/calendars/${b.calendarId}/schedule`)
      .set(owner.auth)
      .send({
        weekly: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '12:00' })),
        overrides: [
          { date: dayOff, ranges: [] },
          { date: short, ranges: [{ start: '16:00', end: '18:00' }] },
        ],
      });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const got = await t.http.get(`/api/calendars/${b.calendarId}/schedule`).set(owner.auth);
    assert.deepEqual(got.body.overrides, [
      { date: dayOff, ranges: [] },
      { date: short, ranges: [{ start: '16:00', end: '18:00' }] },
    ]);
    const slots = await t.http.get('/api/appointments/slots').set(owner.auth).query({ serviceId: b.serviceId, from: dayOff, to: short });
    const local = slots.body.slots.map((s: { localStartsAt: string }) => s.localStartsAt.slice(0, 16));
    assert.deepEqual(
      local.filter((l: string) => l.startsWith(dayOff)),
      [],
    );
    assert.deepEqual(
      local.filter((l: string) => l.startsWith(short)),
      ['16:00', '16:15', '16:30', '16:45', '17:00'].map((h) => `${short}T${h}`),
    );

    const bad = await t.http
      .put(`/api/calendars/${b.calendarId}/schedule`)
      .set(owner.auth)
      .send({
        weekly: [{ weekday: 7, start: '9:00', end: '10:00' }],
        overrides: [{ date: '2026-13-01', ranges: [{ start: '10:00', end: '25:00' }] }],
      });
    assert.deepEqual([...new Set(fieldsOf(expectProblem(bad, 400)))].sort(), [
      'overrides.0.date',
      'overrides.0.ranges.0.end',
      'weekly.0.start',
      'weekly.0.weekday',
    ]);
    const overlap = await t.http
      .put(`/api/calendars/${b.calendarId}/schedule`)
      .set(owner.auth)
      .send({
        weekly: [
          { weekday: 1, start: '09:00', end: '13:00' },
          { weekday: 1, start: '12:00', end: '14:00' },
        ],
        overrides: [],
      });
    assert.deepEqual(fieldsOf(expectProblem(overlap, 400)), ['weekly.1.start']);
  });

  it('reads and replaces booking settings (owners and admins only) with defaults when never set', async () => {
    const fresh = await newBusiness(t.http);
    const defaults = await t.http.get('/api/booking-settings').set(fresh.auth);
    assert.deepEqual(defaults.body, {
      timeZone: 'Asia/Jerusalem',
      timeZoneFollowsBusiness: true,
      minimumNoticeMinutes: 60,
      bookingWindowDays: 60,
      slotIntervalMinutes: 15,
      cancellationWindowHours: 24,
      reminderOffsetsMinutes: [1440, 120],
      requireConfirmation: false,
    });
    const put = await t.http
      .put('/api/booking-settings')
      .set(fresh.auth)
      .send({ timeZone: 'Europe/London', slotIntervalMinutes: 30, reminderOffsetsMinutes: [60, 2880] });
    assert.equal(put.status, 200);
    assert.deepEqual(
      [
        put.body.timeZone,
        put.body.timeZoneFollowsBusiness,
        put.body.slotIntervalMinutes,
        put.body.reminderOffsetsMinutes,
        put.body.minimumNoticeMinutes,
      ],
      ['Europe/London', false, 30, [2880, 60], 60],
    );
    const bad = await t.http
      .put('/api/booking-settings')
      .set(fresh.auth)
      .send({ timeZone: 'Mars/Olympus', slotIntervalMinutes: 1, reminderOffsetsMinutes: [0] });
    assert.deepEqual([...new Set(fieldsOf(expectProblem(bad, 400)))].sort(), ['reminderOffsetsMinutes', 'slotIntervalMinutes', 'timeZone']);

    const staff = await newMember(t.http, fresh, 'staff');
    assert.equal((await t.http.get('/api/booking-settings').set(staff.auth)).status, 200);
    expectProblem(await t.http.put('/api/booking-settings').set(staff.auth).send({}), 403);
    expectProblem(await t.http.post('/api/services').set(staff.auth).send({ name: 'x', durationMinutes: 30, priceAgorot: 0 }), 403);
    expectProblem(await t.http.post('/api/calendars').set(staff.auth).send({ kind: 'resource', name: 'x' }), 403);
  });

  it('reads working hours in the business time zone', async () => {
    const london = await newBusiness(t.http);
    await t.http.put('/api/booking-settings').set(london.auth).send({ timeZone: 'Europe/London', minimumNoticeMinutes: 0 });
    const b = await newBookable(t.http, london, { hours: ['09:00', '10:00'], duration: 60 });
    const day = localDate(10, 'Europe/London');
    const slots = await t.http.get('/api/appointments/slots').set(london.auth).query({ serviceId: b.serviceId, from: day, to: day });
    assert.equal(slots.body.timeZone, 'Europe/London');
    assert.equal(slots.body.slots.length, 1);
    assert.match(slots.body.slots[0].localStartsAt, new RegExp(`^${day}T09:00:00.000[+]0[01]:00$`));
  });

  it('validates services and calendars with field paths and checks members and calendars exist', async () => {
    const bad = await t.http
      .post('/api/services')
      .set(owner.auth)
      .send({ name: ' ', durationMinutes: 2, priceAgorot: 10.5, calendarIds: ['x'], meetingUrlTemplate: 'http://insecure' });
    assert.deepEqual([...new Set(fieldsOf(expectProblem(bad, 400)))].sort(), [
      'calendarIds',
      'durationMinutes',
      'meetingUrlTemplate',
      'name',
      'priceAgorot',
    ]);
    const unknownCal = await t.http
      .post('/api/services')
      .set(owner.auth)
      .send({ name: 'x', durationMinutes: 30, priceAgorot: 0, calendarIds: ['00000000-0000-4000-8000-000000000000'] });
    assert.equal(expectProblem(unknownCal, 404).code, 'calendar.not_found');
    assert.deepEqual(
      [...new Set(fieldsOf(expectProblem(await t.http.post('/api/calendars').set(owner.auth).send({ kind: 'member' }), 400)))],
      ['memberId'],
    );
    assert.deepEqual(
      [...new Set(fieldsOf(expectProblem(await t.http.post('/api/calendars').set(owner.auth).send({ kind: 'resource' }), 400)))],
      ['name'],
    );
    const other = await newBusiness(t.http);
    const otherStaff = await newMember(t.http, other, 'staff');
    const foreignMember = await t.http.post('/api/calendars').set(owner.auth).send({ kind: 'member', memberId: otherStaff.membershipId });
    assert.equal(expectProblem(foreignMember, 404).code, 'member.not_found');
    const staff = await newMember(t.http, owner, 'staff');
    assert.equal((await t.http.post('/api/calendars').set(owner.auth).send({ kind: 'member', memberId: staff.membershipId })).status, 201);
    assert.equal(
      expectProblem(await t.http.post('/api/calendars').set(owner.auth).send({ kind: 'member', memberId: staff.membershipId }), 409).code,
      'calendar.member_taken',
    );
  });
});
