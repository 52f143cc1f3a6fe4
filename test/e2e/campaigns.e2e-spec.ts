// Campaigns over HTTP with the real queue, PostgreSQL and an SMTP server:
// the state machine, sending to a segment (consent, personalisation, opt-out),
// stats, cancelling midway, scheduling in the business time zone, tracking
// (off by default; once per recipient; no open redirect), the test send, and
// another business's campaigns answering 404.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const LETTERS = 'אבגדהוזחטיכלמנסעפצקרשת';
/** A distinct Hebrew first name per index (names take letters only). */
const hebrewName = (i: number) => `נועה${LETTERS[Math.floor(i / LETTERS.length) % LETTERS.length]}${LETTERS[i % LETTERS.length]}`;

interface Stats {
  recipients: number;
  pending: number;
  queued: number;
  suppressed: number;
  skipped: number;
  cancelled: number;
  sent: number;
  delivered: number;
  failed: number;
  bounced: number;
  opened: number | null;
  clicked: number | null;
  unsubscribed: number;
}

describe('campaigns', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let other: TestBusiness;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  before(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      EMAIL_DRIVER: 'smtp',
      SMTP_URL: smtp.url,
      EMAIL_MAX_PER_SECOND: '25',
      CAMPAIGN_BATCH_SIZE: '7',
      PUBLIC_URL: 'http://campaigns.test',
    });
    owner = await newBusiness(t.http);
    other = await newBusiness(t.http, { businessName: 'עסק אחר' });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  /** `n` customers tagged with a new tag, and a segment of that tag; `consent(i)` / `email(i)` shape each. */
  async function audience(
    n: number,
    shape: { consent?: (i: number) => boolean; email?: (i: number) => boolean } = {},
  ): Promise<{ segmentId: string; tag: string; customers: { id: string; email: string | null; consent: boolean; firstName: string }[] }> {
    const tag = `t${randomBytes(4).toString('hex')}`;
    const customers = [];
    for (let i = 0; i < n; i++) {
      const consent = shape.consent ? shape.consent(i) : true;
      const email = shape.email && !shape.email(i) ? null : `${tag}-${i}@example.co.il`;
      const firstName = hebrewName(i);
      const res = await t.http
        .post('/api/customers')
        .set(owner.auth)
        .send({
          firstName,
          email: email ?? undefined,
          phone: email ? undefined : `05${String(10_000_000 + Math.floor(Math.random() * 89_999_999)).slice(0, 8)}`,
          tags: [tag],
          marketingConsent: { email: { granted: consent } },
        });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      customers.push({ id: res.body.id as string, email, consent, firstName });
    }
    const seg = await t.http
      .post('/api/segments')
      .set(owner.auth)
      .send({ name: `segment ${tag}`, rule: { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: tag }] } });
    assert.equal(seg.status, 201, JSON.stringify(seg.body));
    return { segmentId: seg.body.id, tag, customers };
  }

  const create = (body: object, who = owner) => t.http.post('/api/campaigns').set(who.auth).send(body);
  const stats = async (id: string): Promise<Stats> => (await t.http.get(`/api/campaigns/${id}/stats`).set(owner.auth).expect(200)).body;
  const statusOf = async (id: string): Promise<string> =>
    (await t.http.get(`/api/campaigns/${id}`).set(owner.auth).expect(200)).body.status;
  const mailsTo = (address: string) => smtp.received.filter((m) => m.envelope.to.includes(address));

  it('sends to the segment once it is scheduled now: personalised, with the opt-out, nobody without consent or an address', async () => {
    const a = await audience(6, { consent: (i) => i !== 1, email: (i) => i !== 2 });
    const created = await create({
      name: 'מבצע חורף',
      channel: 'email',
      segmentId: a.segmentId,
      subject: '{{ customer.firstName }}, הנחה ב{{ business.name }}',
      body: 'שלום {{ customer.firstName }}, 20% הנחה השבוע.',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'draft');
    assert.equal(created.body.trackOpens, false);
    assert.equal(created.body.trackClicks, false);

    const started = await t.http.post(`/api/campaigns/${created.body.id}/schedule`).set(owner.auth).send({});
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.status, 'sending');

    await until('the campaign to be sent', async () => (await statusOf(created.body.id)) === 'sent');
    const s = await until('every consenting customer to be sent their message', async () => {
      const st = await stats(created.body.id);
      return st.sent === 4 ? st : null;
    });
    assert.deepEqual(
      {
        recipients: s.recipients,
        suppressed: s.suppressed,
        skipped: s.skipped,
        sent: s.sent,
        failed: s.failed,
        opened: s.opened,
        clicked: s.clicked,
      },
      { recipients: 6, suppressed: 1, skipped: 1, sent: 4, failed: 0, opened: null, clicked: null },
    );
    for (const c of a.customers) {
      const got = c.email ? mailsTo(c.email) : [];
      if (!c.consent || !c.email) assert.equal(got.length, 0, `${c.email} must get nothing`);
      else {
        assert.equal(got.length, 1, `${c.email} gets one mail`);
        assert.equal(got[0].subject, `${c.firstName}, הנחה בסטודיו דנה`);
        assert.match(got[0].text, new RegExp(`שלום ${c.firstName}, 20% הנחה השבוע`));
        assert.ok(got[0].header('List-Unsubscribe'), 'marketing carries its opt-out');
      }
    }

    // Sent: it can no longer change, be scheduled again or be cancelled.
    expectProblem(await t.http.patch(`/api/campaigns/${created.body.id}`).set(owner.auth).send({ name: 'שינוי' }), 409);
    expectProblem(await t.http.post(`/api/campaigns/${created.body.id}/schedule`).set(owner.auth).send({}), 409);
    expectProblem(await t.http.post(`/api/campaigns/${created.body.id}/cancel`).set(owner.auth).send(), 409);
  });

  it('sends to a subscribers list: those subscribed on the channel, by their name', async () => {
    const list = `list-${randomBytes(3).toString('hex')}`;
    const subs = [
      { email: `${list}-a@example.co.il`, name: 'דנה', emailStatus: 'subscribed' },
      { email: `${list}-b@example.co.il`, name: 'יוסי', emailStatus: 'unsubscribed' },
      { email: `${list}-c@example.co.il`, name: 'רות', emailStatus: 'subscribed' },
    ];
    for (const sub of subs)
      await t.http
        .post('/api/subscribers')
        .set(owner.auth)
        .send({ ...sub, lists: [list] })
        .expect(201);
    await t.http
      .post('/api/subscribers')
      .set(owner.auth)
      .send({ email: `${list}-other@example.co.il`, lists: ['אחרת'] })
      .expect(201);
    expectProblem(
      await create({
        name: 'שניהם',
        channel: 'email',
        segmentId: (await audience(1)).segmentId,
        subscriberList: list,
        subject: 's',
        body: 'b',
      }),
      400,
    );
    const c = await create({
      name: 'ניוזלטר',
      channel: 'email',
      subscriberList: list,
      subject: 'חדשות',
      body: 'שלום {{ customer.firstName }}',
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    assert.equal(c.body.subscriberList, list);
    await t.http.post(`/api/campaigns/${c.body.id}/schedule`).set(owner.auth).send({}).expect(200);
    const s = await until('the list to be sent to', async () => {
      const st = await stats(c.body.id);
      return st.sent === 2 ? st : null;
    });
    assert.equal(s.recipients, 3);
    assert.equal(s.suppressed, 1);
    assert.match((await smtp.waitFor((m) => m.envelope.to.includes(`${list}-a@example.co.il`))).text, /שלום דנה/);
    assert.equal(mailsTo(`${list}-b@example.co.il`).length, 0);
    assert.equal(mailsTo(`${list}-other@example.co.il`).length, 0);
  });

  it('refuses Liquid that does not parse or names a variable campaigns do not have; needs a segment and a subject to send', async () => {
    const bad = await create({ name: 'x', channel: 'email', subject: 'hi', body: 'שלום {{ customer.password }}' });
    expectProblem(bad, 400);
    assert.deepEqual(fieldsOf(bad.body), ['body']);
    expectProblem(await create({ name: 'x', channel: 'email', subject: '{% if %}', body: 'ok' }), 400);
    expectProblem(await create({ name: 'x', channel: 'telegram', body: 'ok' }), 400);

    const draft = await create({ name: 'בלי קהל', channel: 'email', body: 'שלום' });
    assert.equal(draft.status, 201);
    const refused = expectProblem(await t.http.post(`/api/campaigns/${draft.body.id}/schedule`).set(owner.auth).send({}), 422);
    assert.deepEqual(fieldsOf(refused).sort(), ['segmentId', 'subject']);
  });

  it('schedules at a wall-clock time in the business time zone, can be edited while scheduled, and cancelled', async () => {
    const a = await audience(1);
    const c = await create({ name: 'ט"ו בשבט', channel: 'email', segmentId: a.segmentId, subject: 'שלום', body: 'שלום' });
    const scheduled = await t.http.post(`/api/campaigns/${c.body.id}/schedule`).set(owner.auth).send({ sendAt: '2027-01-15T09:00' });
    assert.equal(scheduled.status, 200, JSON.stringify(scheduled.body));
    assert.equal(scheduled.body.status, 'scheduled');
    assert.equal(scheduled.body.scheduledAt, '2027-01-15T07:00:00.000Z', 'Israel is UTC+2 in January');
    assert.equal(scheduled.body.scheduledAtLocal, '2027-01-15T09:00:00.000+02:00');

    // A summer time, with an explicit offset, moves it.
    const moved = await t.http.post(`/api/campaigns/${c.body.id}/schedule`).set(owner.auth).send({ sendAt: '2027-07-01T10:00' });
    assert.equal(moved.body.scheduledAt, '2027-07-01T07:00:00.000Z', 'UTC+3 in summer');

    const edited = await t.http.patch(`/api/campaigns/${c.body.id}`).set(owner.auth).send({ name: 'ט"ו בשבט 2' });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.status, 'scheduled');

    const cancelled = await t.http.post(`/api/campaigns/${c.body.id}/cancel`).set(owner.auth).send();
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.status, 'cancelled');
    expectProblem(await t.http.patch(`/api/campaigns/${c.body.id}`).set(owner.auth).send({ name: 'x' }), 409);
    expectProblem(await t.http.post(`/api/campaigns/${c.body.id}/cancel`).set(owner.auth).send(), 409);
    expectProblem(await t.http.post(`/api/campaigns/${c.body.id}/schedule`).set(owner.auth).send({ sendAt: 'tomorrow' }), 400);
  });

  it('a scheduled campaign starts by itself when its time comes', async () => {
    const a = await audience(2);
    const c = await create({ name: 'בעוד רגע', channel: 'email', segmentId: a.segmentId, subject: 'עוד רגע', body: 'הגיע הזמן' });
    const at = new Date(Date.now() + 1_500).toISOString();
    const s = await t.http.post(`/api/campaigns/${c.body.id}/schedule`).set(owner.auth).send({ sendAt: at });
    assert.equal(s.body.status, 'scheduled');
    await until('the scheduled campaign to be sent', async () => (await statusOf(c.body.id)) === 'sent', 20_000);
    await until('both mails', async () => a.customers.every((x) => mailsTo(x.email!).length === 1));
  });

  it('cancel stops the sends not yet made', async () => {
    const a = await audience(60);
    const c = await create({ name: 'לביטול', channel: 'email', segmentId: a.segmentId, subject: 'ביטול', body: 'הודעה' });
    await t.http.post(`/api/campaigns/${c.body.id}/schedule`).set(owner.auth).send({}).expect(200);
    const addresses = new Set(a.customers.map((x) => x.email!));
    const received = () => smtp.received.filter((m) => m.envelope.to.some((to) => addresses.has(to))).length;
    await until('the first mails', async () => received() >= 5);
    const cancelled = await t.http.post(`/api/campaigns/${c.body.id}/cancel`).set(owner.auth).send();
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    // What was on its way when it was cancelled still arrives; then nothing more.
    let last = -1;
    await until(
      'sending to stop',
      async () => {
        const now = received();
        const settled = now === last;
        last = now;
        return settled;
      },
      20_000,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const final = received();
    assert.ok(final < 60, `stopped before the end (${final} of 60 sent)`);
    const s = await until('the stats to settle', async () => {
      const st = await stats(c.body.id);
      return st.queued === 0 && st.pending === 0 && st.sent === final ? st : null;
    });
    assert.equal(s.sent + s.cancelled + (60 - s.recipients), 60, JSON.stringify(s));
    // Stopped either way: recipients already fanned out are marked cancelled, and a cancel that lands
    // between two fan-out batches leaves the rest of the segment never fanned out.
    assert.ok(s.cancelled + (60 - s.recipients) > 0, JSON.stringify(s));
    assert.equal(await statusOf(c.body.id), 'cancelled');
  });

  it('tracks opens and clicks when turned on: once per recipient, redirecting only to the message’s own links', async () => {
    const a = await audience(2);
    const c = await create({
      name: 'עם מעקב',
      channel: 'email',
      segmentId: a.segmentId,
      subject: 'מבצע',
      body: 'פרטים: https://example.co.il/sale',
      html: '<p>שלום {{ customer.firstName }}</p><p><a href="https://example.co.il/sale?a=1&b=2">למבצע</a></p>',
      trackOpens: true,
      trackClicks: true,
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    await t.http.post(`/api/campaigns/${c.body.id}/schedule`).set(owner.auth).send({}).expect(200);
    const mail = await smtp.waitFor((m) => m.envelope.to.includes(a.customers[0].email!));
    const pixel = /src="http:\/\/campaigns\.test(\/api\/public\/campaigns\/open\/[^"]+)"/.exec(mail.html)?.[1];
    const click = /href="http:\/\/campaigns\.test(\/api\/public\/campaigns\/click\/[^"]+)"/.exec(mail.html)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(pixel, mail.html);
    assert.ok(click, mail.html);
    assert.ok(!mail.html.includes('href="https://example.co.il/sale'), 'the link goes through the redirect');

    const gif = await t.http.get(pixel);
    assert.equal(gif.status, 200);
    assert.match(gif.headers['content-type'], /image\/gif/);
    await t.http.get(pixel).expect(200);
    const go = await t.http.get(click).redirects(0);
    assert.equal(go.status, 302);
    assert.equal(go.headers.location, 'https://example.co.il/sale?a=1&b=2');
    await t.http.get(click).redirects(0).expect(302);

    // Another target with this message's signature, or a forged signature: 404, never a redirect.
    const forged = click.replace(/u=[^&]+$/, `u=${encodeURIComponent('https://evil.example.com/')}`);
    expectProblem(await t.http.get(forged).redirects(0), 404);
    expectProblem(await t.http.get(click.replace(/click\/([^/]+)\/[^?]+/, 'click/$1/AAAAAAAAAAAAAAAAAAAAAAAA')).redirects(0), 404);

    const s = await until('the open and click to count', async () => {
      const st = await stats(c.body.id);
      return st.sent === 2 ? st : null;
    });
    assert.equal(s.opened, 1, 'two loads of the pixel are one open');
    assert.equal(s.clicked, 1, 'two clicks of one recipient are one click');
  });

  it('sends a test to one address, outside the stats', async () => {
    const a = await audience(1);
    const c = await create({
      name: 'בדיקה',
      channel: 'email',
      segmentId: a.segmentId,
      subject: 'שלום {{ customer.firstName }}',
      body: 'גוף {{ business.name }}',
    });
    const res = await t.http.post(`/api/campaigns/${c.body.id}/test`).set(owner.auth).send({ to: 'boss@example.co.il' });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal(res.body.to, 'boss@example.co.il');
    const mail = await smtp.waitFor((m) => m.envelope.to.includes('boss@example.co.il'));
    assert.match(mail.text, /גוף סטודיו דנה/);
    assert.equal((await stats(c.body.id)).recipients, 0);
    assert.equal(await statusOf(c.body.id), 'draft');
    expectProblem(await t.http.post(`/api/campaigns/${c.body.id}/test`).set(owner.auth).send({ to: 'not-an-email' }), 400);
  });

  it('suggests copy by goal in Hebrew and English, with template variables, that a campaign accepts as it is', async () => {
    const he = await t.http.post('/api/campaigns/suggest').set(owner.auth).send({ goal: 'win_back', locale: 'he', channel: 'sms' });
    assert.equal(he.status, 200, JSON.stringify(he.body));
    assert.equal(he.body.source, 'local');
    assert.ok(he.body.suggestions.length >= 2);
    for (const s of he.body.suggestions) {
      assert.equal(s.subject, null);
      assert.match(s.body, /[\u0590-\u05FF]/);
      assert.match(s.body, /\{\{ *customer\.firstName *\}\}/);
    }
    const en = await t.http.post('/api/campaigns/suggest').set(owner.auth).send({ goal: 'birthday', locale: 'en', channel: 'email' });
    assert.equal(en.status, 200);
    const [first] = en.body.suggestions as { subject: string; body: string }[];
    assert.equal(typeof first.subject, 'string');
    const draft = await t.http
      .post('/api/campaigns')
      .set(owner.auth)
      .send({ name: 'Birthday', channel: 'email', subject: first.subject, body: first.body });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    expectProblem(await t.http.post('/api/campaigns/suggest').set(owner.auth).send({ goal: 'spam', locale: 'he', channel: 'sms' }), 400);
  });

  it("another business's campaigns and segments answer 404", async () => {
    const a = await audience(1);
    const mine = await create({ name: 'שלי', channel: 'email', segmentId: a.segmentId, subject: 's', body: 'b' });
    const id = mine.body.id as string;
    const as = other.auth;
    expectProblem(await t.http.get(`/api/campaigns/${id}`).set(as), 404);
    expectProblem(await t.http.patch(`/api/campaigns/${id}`).set(as).send({ name: 'x' }), 404);
    expectProblem(await t.http.post(`/api/campaigns/${id}/schedule`).set(as).send({}), 404);
    expectProblem(await t.http.post(`/api/campaigns/${id}/cancel`).set(as).send(), 404);
    expectProblem(await t.http.get(`/api/campaigns/${id}/stats`).set(as), 404);
    expectProblem(await t.http.post(`/api/campaigns/${id}/test`).set(as).send({ to: 'x@example.co.il' }), 404);
    expectProblem(await t.http.delete(`/api/campaigns/${id}`).set(as), 404);
    expectProblem(await create({ name: 'גניבה', channel: 'email', segmentId: a.segmentId, body: 'b' }, other), 404);
    const list = await t.http.get('/api/campaigns').set(as).expect(200);
    assert.equal(list.body.data.length, 0);
    assert.equal(await statusOf(id), 'draft');
    await t.http.delete(`/api/campaigns/${id}`).set(owner.auth).expect(204);
  });
});
