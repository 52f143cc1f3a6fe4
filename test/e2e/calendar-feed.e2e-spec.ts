import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { expectProblem, newBusiness, newMember, type TestBusiness } from '../support/factories';
import { localTime, newBookable, type Bookable } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

describe('calendar iCalendar feed', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let b: Bookable;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http, { businessName: 'מספרת יוסי' });
    b = await newBookable(t.http, owner, { duration: 45, name: 'תספורת גברים ועיצוב זקן מלא עם מגבת חמה' });
  });
  after(() => t.close());

  it('publishes a feed that parses as iCalendar and lists the appointments (not the cancelled ones)', async () => {
    const book = (time: string, firstName: string, status?: string) =>
      t.http
        .post('/api/appointments')
        .set(owner.auth)
        .send({
          ...b,
          startsAt: localTime(3, time),
          customer: { firstName, lastName: 'אברהמי', phone: `05${Math.floor(10_000_000 + Math.random() * 89_999_999)}` },
          notes: 'קפה, בלי סוכר; תודה',
          status,
        });
    const a1 = await book('10:00', 'שרה');
    const a2 = await book('11:00', 'רבקה', 'pending');
    const gone = await book('12:00', 'לאה');
    await t.http.post(`/api/appointments/${gone.body.id}/cancel`).set(owner.auth).send({});

    const rotated = await t.http.post(`/api/calendars/${b.calendarId}/feed-token`).set(owner.auth);
    assert.equal(rotated.status, 201);
    const url = new URL(rotated.body.url);
    assert.equal(url.pathname, `/api/calendars/${b.calendarId}/feed.ics`);
    const res = await t.http
      .get(url.pathname + url.search)
      .buffer(true)
      .parse((r, cb) => {
        let data = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (data += c));
        r.on('end', () => cb(null, data));
      });
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/calendar; charset=utf-8/);
    const text = res.body as string;
    assert.ok(text.includes('\r\n'), 'CRLF line endings');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line longer than 75 octets: ${line}`);

    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.deepEqual(events.map((e) => e.uid).sort(), [`${a1.body.id}@chatgrow`, `${a2.body.id}@chatgrow`].sort());
    const first = events.find((e) => e.uid === `${a1.body.id}@chatgrow`)!;
    assert.equal(first.summary, 'תספורת גברים ועיצוב זקן מלא עם מגבת חמה – שרה אברהמי');
    assert.equal(first.startDate.toJSDate().toISOString(), a1.body.startsAt);
    assert.equal(first.endDate.toJSDate().toISOString(), a1.body.endsAt);
    assert.match(first.description, /הערות: קפה, בלי סוכר; תודה/);
    const second = events.find((e) => e.uid === `${a2.body.id}@chatgrow`)!;
    assert.equal(second.component.getFirstPropertyValue('status'), 'TENTATIVE');
    assert.match(String(cal.getFirstPropertyValue('x-wr-calname')), /מספרת יוסי/);
  });

  it('refuses a wrong token, and rotation or revocation stops the old link', async () => {
    const feed = (token: string) => t.http.get(`/api/calendars/${b.calendarId}/feed.ics`).query({ token });
    const first = (await t.http.post(`/api/calendars/${b.calendarId}/feed-token`).set(owner.auth)).body.token;
    assert.equal((await feed(first)).status, 200);
    expectProblem(await feed('wrong'), 404);
    expectProblem(await t.http.get(`/api/calendars/${b.calendarId}/feed.ics`), 404);
    const second = (await t.http.post(`/api/calendars/${b.calendarId}/feed-token`).set(owner.auth)).body.token;
    expectProblem(await feed(first), 404);
    assert.equal((await feed(second)).status, 200);
    assert.equal((await t.http.delete(`/api/calendars/${b.calendarId}/feed-token`).set(owner.auth)).status, 204);
    expectProblem(await feed(second), 404);
    assert.equal((await t.http.get(`/api/calendars/${b.calendarId}`).set(owner.auth)).body.feedEnabled, false);
  });

  it("lets a staff member manage only their own calendar's feed", async () => {
    const staff = await newMember(t.http, owner, 'staff');
    const own = await t.http.post('/api/calendars').set(owner.auth).send({ kind: 'member', memberId: staff.membershipId });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    assert.equal(own.body.name, 'יוסי כהן');
    assert.equal((await t.http.post(`/api/calendars/${own.body.id}/feed-token`).set(staff.auth)).status, 201);
    expectProblem(await t.http.post(`/api/calendars/${b.calendarId}/feed-token`).set(staff.auth), 403);
    const other = await newBusiness(t.http);
    expectProblem(await t.http.post(`/api/calendars/${b.calendarId}/feed-token`).set(other.auth), 404);
  });
});
