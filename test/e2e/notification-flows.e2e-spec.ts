// What the domain events turn into: booking, reminder, cancellation and an
// event promotion each reach the customer as a message in their language,
// written to the outbox; a queued message survives a restart and goes once;
// an SMTP server that does not answer ends in `failed` while the API stays up.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AppointmentReminderJob } from '../../src/modules/appointments/reminders/appointment-reminder.job';
import { outboxMailsTo, waitForOutboxMail } from '../support/eml';
import { newBusiness, type TestBusiness } from '../support/factories';
import { waitForMessage, type MessageView } from '../support/messages';
import { localTime, newBookable, type Bookable } from '../support/scheduling';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

const Y = new Date().getUTCFullYear() + 1;

describe('notifications of domain events', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let b: Bookable;
  let outbox: string;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http);
    b = await newBookable(t.http, owner);
    outbox = join(t.dataDir, 'outbox');
  });
  after(() => t.close());

  async function history(query: Record<string, string>): Promise<MessageView[]> {
    const res = await t.http.get('/api/notifications/history').query(query).set(owner.auth);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data as MessageView[];
  }

  it('booking, a reminder and a cancellation each email the customer in their language, with the self-service link', async () => {
    const booked = await t.http
      .post('/api/appointments')
      .set(owner.auth)
      .send({
        ...b,
        startsAt: localTime(4, '10:00'),
        customer: { firstName: 'Dana', lastName: 'Levi', email: 'dana@example.com', phone: '0521234567', language: 'en' },
      });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    const confirmation = await waitForOutboxMail(outbox, (m) => m.header('to') === 'dana@example.com');
    assert.match(confirmation.html, /lang="en"/);
    assert.doesNotMatch(confirmation.html, /dir="rtl"/);
    assert.match(confirmation.text, /Dana/);
    assert.match(confirmation.text, /\/api\/public\/appointments\/[\w.-]+/, 'the self-service link');
    const [sms] = await history({ customerId: booked.body.customerId, channel: 'sms' });
    assert.equal(sms.template, 'appointment.booked');
    await waitForMessage(t.http, owner.auth, sms.id, (m) => m.status === 'sent');

    const job = t.app.get(AppointmentReminderJob);
    const payload = {
      businessId: owner.businessId,
      appointmentId: booked.body.id,
      offsetMinutes: 120,
      startsAt: booked.body.startsAt as string,
    };
    assert.deepEqual(await job.handle(payload), { sent: true });
    await waitForOutboxMail(outbox, (m) => m.header('to') === 'dana@example.com' && m.subject !== confirmation.subject);
    const reminders = await history({ customerId: booked.body.customerId, template: 'appointment.reminder' });
    assert.deepEqual(reminders.map((m) => m.template).sort(), ['appointment.reminder', 'appointment.reminder']);
    assert.deepEqual(await job.handle(payload), { sent: true }, 'the same reminder again');
    assert.equal((await history({ customerId: booked.body.customerId, template: 'appointment.reminder' })).length, 2, 'is sent once');

    const cancelled = await t.http.post(`/api/appointments/${booked.body.id}/cancel`).set(owner.auth).send({});
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const cancellations = await history({ customerId: booked.body.customerId, template: 'appointment.cancelled' });
    assert.equal(cancellations.length, 2, 'email and SMS');
    assert.ok(cancellations.every((m) => m.text.includes('Dana')));
    await waitForOutboxMail(outbox, (m) => m.header('to') === 'dana@example.com' && /cancel/i.test(m.subject));
  });

  it('a Hebrew-speaking customer gets an RTL Hebrew email', async () => {
    await t.http
      .post('/api/appointments')
      .set(owner.auth)
      .send({ ...b, startsAt: localTime(4, '12:00'), customer: { firstName: 'נועה', email: 'noa@example.co.il', language: 'he' } });
    const mail = await waitForOutboxMail(outbox, (m) => m.header('to') === 'noa@example.co.il');
    assert.match(mail.html, /dir="rtl"/);
    assert.match(mail.html, /lang="he"/);
    assert.match(mail.subject, /[\u0590-\u05FF]/);
  });

  it('an event promotion tells the promoted registrant', async () => {
    const event = await t.http
      .post('/api/events')
      .set(owner.auth)
      .send({ title: 'סדנת קרמיקה', startsAt: `${Y}-07-01T19:00`, endsAt: `${Y}-07-01T21:00`, status: 'published', capacity: 1 });
    assert.equal(event.status, 201, JSON.stringify(event.body));
    const register = (firstName: string, email: string) =>
      t.http.post(`/api/events/${event.body.id}/registrations`).set(owner.auth).send({ firstName, email });
    const first = await register('אבי', 'avi@example.co.il');
    const second = await register('רותי', 'ruti@example.co.il');
    assert.deepEqual([first.body.status, second.body.status], ['confirmed', 'waitlisted']);
    await waitForOutboxMail(outbox, (m) => m.header('to') === 'ruti@example.co.il');
    const cancelled = await t.http.delete(`/api/events/${event.body.id}/registrations/${first.body.id}`).set(owner.auth);
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const [promoted] = await history({ template: 'registration.promoted', channel: 'email' });
    assert.ok(promoted, 'a promoted message');
    await waitForMessage(t.http, owner.auth, promoted.id, (m) => m.status === 'sent');
    assert.equal(outboxMailsTo(outbox, 'ruti@example.co.il').length, 2, 'waitlisted, then promoted');
  });
});

describe('a queued message across a restart', () => {
  it('is sent exactly once by the next process', async () => {
    const smtp = await startSmtpSink();
    let t = await startTestApp({ EMAIL_DRIVER: 'smtp', SMTP_URL: smtp.url });
    try {
      const owner = await newBusiness(t.http);
      const res = await t.http
        .post('/api/notifications/send')
        .set(owner.auth)
        .send({
          channel: 'email',
          kind: 'transactional',
          to: 'later@example.co.il',
          subject: 'אחר כך',
          body: 'נשלח אחרי הפעלה מחדש',
          sendAt: new Date(Date.now() + 2_000).toISOString(),
        });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      t = await t.restart();
      const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
      assert.equal(sent.attempts, 1);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(smtp.received.filter((m) => m.envelope.to.includes('later@example.co.il')).length, 1);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});

describe('an SMTP server that is down', () => {
  let t: TestApp;
  let owner: TestBusiness;
  before(async () => {
    // A port that was free a moment ago: connections are refused.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    t = await startTestApp({
      EMAIL_DRIVER: 'smtp',
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MESSAGE_MAX_ATTEMPTS: '3',
      MESSAGE_RETRY_DELAY_MS: '50',
    });
    owner = await newBusiness(t.http);
  });
  after(() => t.close());

  it('is retried with backoff, then the message is failed with the error, and the API stays up', async () => {
    const res = await t.http
      .post('/api/notifications/send')
      .set(owner.auth)
      .send({ channel: 'email', kind: 'transactional', to: 'nobody@example.co.il', subject: 'x', body: 'y' });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const failed = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'failed');
    assert.equal(failed.attempts, 3);
    assert.match(failed.lastError ?? '', /ECONNREFUSED|connect/i);
    assert.equal((await t.http.get('/api/auth/me').set(owner.auth)).status, 200);
    const providers = await t.http.get('/api/notifications/providers').set(owner.auth);
    assert.equal(providers.status, 200, JSON.stringify(providers.body));
  });
});
