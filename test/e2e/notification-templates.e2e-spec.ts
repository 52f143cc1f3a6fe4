import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OutboxMailTransport } from '../../src/infra/mail/outbox.mail-transport';
import {
  Channel,
  MessageLocale,
  TEMPLATE_RENDERER,
  TemplateKey,
  type TemplateRenderer,
} from '../../src/modules/notifications/notification.types';
import { parseEml } from '../support/eml';
import { expectProblem, fieldsOf, newBusiness, newMember, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const BASE = '/api/notifications/templates';
const BOOKED_EMAIL_HE = `${BASE}/appointment.booked/email/he`;
/** The distinct field paths a 400 problem names. */
const invalidFields = (res: Parameters<typeof expectProblem>[0]) => [...new Set(fieldsOf(expectProblem(res, 400)))];
const shekels = (amount: number) => new Intl.NumberFormat('he-IL', { style: 'currency', currency: 'ILS' }).format(amount);

const appointment = {
  customer: { firstName: 'נועה' },
  service: { name: 'תספורת' },
  calendar: { name: 'יוסי' },
  appointment: { startsAt: '2026-07-01T16:00:00.000Z' },
  selfServiceUrl: 'https://chatgrow.example/a/x1',
  price: 12000,
};

describe('notification templates', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let renderer: TemplateRenderer;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http, { businessName: 'סטודיו דנה' });
    renderer = t.app.get<TemplateRenderer>(TEMPLATE_RENDERER, { strict: false });
  });
  after(() => t.close());

  const put = (path: string, body: object, auth = owner.auth) => t.http.put(path).set(auth).send(body);

  it('lists every key with its channels, locales and variables, none overridden at first', async () => {
    const res = await t.http.get(BASE).set(owner.auth);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.meta.total, Object.values(TemplateKey).length);
    const booked = res.body.data.find((k: { key: string }) => k.key === 'appointment.booked');
    assert.deepEqual(booked.channels, ['email', 'sms']);
    assert.deepEqual(booked.locales, ['he', 'en']);
    const names = booked.variables.map((v: { name: string }) => v.name);
    for (const name of [
      'business.name',
      'customer.firstName',
      'service.name',
      'appointment.startsAt',
      'appointment.localDate',
      'appointment.localTime',
      'calendar.name',
      'selfServiceUrl',
      'price',
    ]) {
      assert.ok(names.includes(name), name);
    }
    assert.equal(booked.templates.length, 4);
    assert.ok(booked.templates.every((s: { overridden: boolean; updatedAt: unknown }) => !s.overridden && s.updatedAt === null));
    const reset = res.body.data.find((k: { key: string }) => k.key === 'account.password_reset');
    assert.deepEqual(reset.channels, ['email']);
  });

  it('uses a business’s own version once saved, and the built-in again after DELETE', async () => {
    const builtIn = await t.http.get(BOOKED_EMAIL_HE).set(owner.auth);
    assert.equal(builtIn.status, 200);
    assert.equal(builtIn.body.overridden, false);
    assert.equal(builtIn.body.updatedAt, null);

    const saved = await put(BOOKED_EMAIL_HE, {
      subject: 'נקבע: {{ service.name }}',
      body: 'היי {{ customer.firstName }}, נתראה ב{{ appointment.startsAt | date }} בשעה {{ appointment.startsAt | time }}. {{ price | money }}',
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.overridden, true);
    assert.equal(saved.body.html, null);
    assert.equal(typeof saved.body.updatedAt, 'string');
    assert.equal((await t.http.get(BOOKED_EMAIL_HE).set(owner.auth)).body.subject, 'נקבע: {{ service.name }}');
    const listed = (await t.http.get(BASE).set(owner.auth)).body.data.find((k: { key: string }) => k.key === 'appointment.booked');
    assert.deepEqual(
      listed.templates
        .filter((s: { overridden: boolean }) => s.overridden)
        .map((s: { channel: string; locale: string }) => `${s.channel}/${s.locale}`),
      ['email/he'],
    );

    const own = await renderer.render(owner.businessId, TemplateKey.appointmentBooked, Channel.email, MessageLocale.he, appointment);
    assert.equal(own.subject, 'נקבע: תספורת');
    assert.equal(own.text, `היי נועה, נתראה ביום רביעי, 1 ביולי 2026 בשעה 19:00. ${shekels(120)}`);
    // Saved without HTML: the HTML part is made from the text, in the Hebrew layout.
    assert.match(own.html!, /<html dir="rtl" lang="he">/);
    assert.ok(own.html!.includes('<p>היי נועה, נתראה'), own.html);

    const removed = await t.http.delete(BOOKED_EMAIL_HE).set(owner.auth);
    assert.equal(removed.status, 204);
    assert.equal((await t.http.get(BOOKED_EMAIL_HE).set(owner.auth)).body.overridden, false);
    const back = await renderer.render(owner.businessId, TemplateKey.appointmentBooked, Channel.email, MessageLocale.he, appointment);
    assert.equal(back.subject, 'אישור תור: תספורת, יום ד׳, 1.7 בשעה 19:00');
    assert.equal((await t.http.delete(BOOKED_EMAIL_HE).set(owner.auth)).status, 204, 'restoring twice is fine');
  });

  it('refuses on save a template with an unknown variable, naming it', async () => {
    const res = await put(BOOKED_EMAIL_HE, { subject: 'תור', body: 'שלום {{ customer.fullName }} {{ customer.firstName }}' });
    const problem = expectProblem(res, 400);
    assert.equal(problem.code, 'notification_template.invalid');
    assert.match(String(problem.detail), /customer\.fullName/);
    assert.deepEqual(problem.errors, [{ field: 'body', message: 'body uses an unknown variable: customer.fullName' }]);
    const html = expectProblem(await put(BOOKED_EMAIL_HE, { subject: 'תור', body: 'x', html: '<p>{{ secret.key }}</p>' }), 400);
    assert.deepEqual(fieldsOf(html), ['html']);
    assert.match(String(html.detail), /secret\.key/);
  });

  it('refuses include, render, layout and `| raw` in HTML on save', async () => {
    for (const body of ['{% include "/etc/passwd" %}', "{% render 'x' %}", '{% layout "base" %}']) {
      const problem = expectProblem(await put(BOOKED_EMAIL_HE, { subject: 'תור', body }), 400);
      assert.deepEqual(fieldsOf(problem), ['body']);
      assert.match(String(problem.detail), /not allowed/);
    }
    const raw = expectProblem(await put(BOOKED_EMAIL_HE, { subject: 'תור', body: 'x', html: '{{ customer.firstName | raw }}' }), 400);
    assert.deepEqual(fieldsOf(raw), ['html']);
    assert.equal((await t.http.get(BOOKED_EMAIL_HE).set(owner.auth)).body.overridden, false, 'nothing was saved');
  });

  it('answers invalid input with 400s naming each field', async () => {
    assert.deepEqual(invalidFields(await put(BOOKED_EMAIL_HE, { subject: 'x' })), ['body']);
    assert.deepEqual(invalidFields(await put(BOOKED_EMAIL_HE, { subject: 5, body: 'x' })), ['subject']);
    assert.deepEqual(invalidFields(await put(BOOKED_EMAIL_HE, { body: null })), ['body']);
    assert.deepEqual(invalidFields(await put(BOOKED_EMAIL_HE, { body: 'x' })), ['subject']);
    assert.deepEqual(invalidFields(await put(BOOKED_EMAIL_HE, { subject: 'x', body: 'x', extra: 1 })), ['extra']);
    assert.deepEqual(invalidFields(await put(`${BASE}/appointment.booked/sms/he`, { subject: 'x', body: 'x', html: '<p>' })), [
      'subject',
      'html',
    ]);
    assert.deepEqual(invalidFields(await t.http.get(`${BASE}/appointment.nope/email/he`).set(owner.auth)), ['key']);
    assert.deepEqual(invalidFields(await t.http.get(`${BASE}/appointment.booked/fax/he`).set(owner.auth)), ['channel']);
    assert.deepEqual(invalidFields(await t.http.get(`${BASE}/appointment.booked/email/fr`).set(owner.auth)), ['locale']);
    const preview = (body: object) => t.http.post(`${BASE}/preview`).set(owner.auth).send(body);
    assert.deepEqual(invalidFields(await preview({ key: 'x', channel: 'email', locale: 'he' })), ['key']);
    assert.deepEqual(invalidFields(await preview({ key: 'appointment.booked', channel: 'sms', locale: 'he', variables: 'x' })), [
      'variables',
    ]);
    assert.deepEqual(invalidFields(await preview({ key: 'account.password_reset', channel: 'sms', locale: 'he' })), ['channel']);
  });

  it('answers 404 for a key on a channel it is not sent by', async () => {
    const problem = expectProblem(await t.http.get(`${BASE}/account.password_reset/sms/he`).set(owner.auth), 404);
    assert.equal(problem.code, 'notification_template.not_found');
    expectProblem(await put(`${BASE}/account.password_reset/sms/en`, { body: 'x' }), 404);
  });

  it('lets staff read and preview but not change templates', async () => {
    const staff = await newMember(t.http, owner, 'staff');
    assert.equal((await t.http.get(BASE).set(staff.auth)).status, 200);
    assert.equal((await t.http.get(BOOKED_EMAIL_HE).set(staff.auth)).status, 200);
    const preview = await t.http.post(`${BASE}/preview`).set(staff.auth).send({ key: 'appointment.booked', channel: 'sms', locale: 'he' });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    expectProblem(await put(BOOKED_EMAIL_HE, { subject: 'x', body: 'x' }, staff.auth), 403);
    expectProblem(await t.http.delete(BOOKED_EMAIL_HE).set(staff.auth), 403);
  });

  it('keeps each business’s versions to itself', async () => {
    const other = await newBusiness(t.http, { businessName: 'מספרת רון' });
    const path = `${BASE}/appointment.reminder/sms/he`;
    assert.equal((await put(path, { body: 'רון מזכיר: {{ service.name }}' }, other.auth)).status, 200);
    assert.equal((await t.http.get(path).set(owner.auth)).body.overridden, false);
    const mine = await renderer.render(owner.businessId, TemplateKey.appointmentReminder, Channel.sms, MessageLocale.he, appointment);
    assert.doesNotMatch(mine.text, /רון/);
    const theirs = await renderer.render(other.businessId, TemplateKey.appointmentReminder, Channel.sms, MessageLocale.he, appointment);
    assert.equal(theirs.text, 'רון מזכיר: תספורת');
  });

  it('previews an SMS with its encoding and billable parts', async () => {
    const he = await t.http.post(`${BASE}/preview`).set(owner.auth).send({ key: 'appointment.booked', channel: 'sms', locale: 'he' });
    assert.equal(he.status, 200, JSON.stringify(he.body));
    assert.equal(he.body.subject, null);
    assert.equal(he.body.html, null);
    assert.equal(he.body.sms.encoding, 'UCS-2');
    assert.equal(he.body.sms.characters, he.body.text.length);
    assert.equal(he.body.sms.segments, Math.ceil(he.body.text.length / 67));
    assert.ok(he.body.text.includes('סטודיו דנה'), 'the real business name, not the sample');

    const en = await t.http
      .post(`${BASE}/preview`)
      .set(owner.auth)
      .send({
        key: 'appointment.booked',
        channel: 'sms',
        locale: 'en',
        body: 'Hi {{ customer.firstName }}, see you {{ appointment.startsAt | date: "compact" }} at {{ appointment.startsAt | time }}',
        variables: { 'customer.firstName': 'Noa' },
      });
    assert.equal(en.status, 200, JSON.stringify(en.body));
    assert.equal(en.body.text, 'Hi Noa, see you Sun, 03/05 at 10:30');
    assert.deepEqual(en.body.sms, { encoding: 'GSM-7', characters: 35, segments: 1 });
  });

  it('previews a draft: HTML escaped, the text as written, dates and ₪ for Hebrew in Asia/Jerusalem', async () => {
    const res = await t.http
      .post(`${BASE}/preview`)
      .set(owner.auth)
      .send({
        key: 'appointment.booked',
        channel: 'email',
        locale: 'he',
        subject: 'תור ל{{ customer.firstName }}',
        body: '{{ customer.firstName }}: {{ appointment.startsAt | date }} {{ appointment.startsAt | time }}, {{ price | money }}',
        html: '<p>{{ customer.firstName }}</p>',
        variables: {
          customer: { firstName: '<script>alert(1)</script>' },
          appointment: { startsAt: '2026-01-15T17:00:00Z' },
          price: 12000,
        },
      });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.subject, 'תור ל<script>alert(1)</script>');
    assert.equal(res.body.text, `<script>alert(1)</script>: יום חמישי, 15 בינואר 2026 19:00, ${shekels(120)}`);
    assert.ok(res.body.html.includes('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'), res.body.html);
    assert.ok(!res.body.html.includes('<script>'), 'no script tag in the HTML part');
    assert.ok(res.body.html.includes('<title>תור ל&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
    assert.equal(res.body.sms, null);
  });

  it('renders a missing value empty at send time, and fills the business’s own details', async () => {
    const patched = await t.http.patch('/api/business').set(owner.auth).send({ phone: '050-123-4567' });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    const message = await renderer.render(owner.businessId, TemplateKey.appointmentCancelled, Channel.email, MessageLocale.he, {});
    assert.ok(message.text.startsWith('שלום ,'), message.text);
    assert.ok(message.text.includes('התור שלך בסטודיו דנה בוטל.'));
    assert.ok(message.text.includes('בטלפון 050-123-4567'), message.text);
    assert.doesNotMatch(message.text, /מחיר|undefined/);
  });

  it('gives a Hebrew email whose subject, text and HTML survive encoding as a real message', async () => {
    const message = await renderer.render(owner.businessId, TemplateKey.appointmentReminder, Channel.email, MessageLocale.he, appointment);
    const dir = mkdtempSync(join(tmpdir(), 'chatgrow-templates-'));
    try {
      await new OutboxMailTransport(dir, 'ChatGrow <no-reply@chatgrow.example>').send({
        to: 'noa@example.co.il',
        subject: message.subject!,
        text: message.text,
        html: message.html,
      });
      const [file] = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      const raw = readFileSync(join(dir, file), 'utf8');
      assert.match(raw, /^Subject: =\?UTF-8\?[BQ]\?/m, 'the subject is RFC 2047 encoded');
      const mail = parseEml(raw);
      assert.equal(mail.subject, 'תזכורת: תספורת, יום ד׳, 1.7 בשעה 19:00');
      assert.equal(mail.text.trim(), message.text);
      assert.match(mail.html, /<html dir="rtl" lang="he">/);
      assert.ok(mail.html.includes('תזכורת לתור שלך בסטודיו דנה.'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
