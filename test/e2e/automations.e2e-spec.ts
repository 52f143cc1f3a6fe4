import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { DomainEvents } from '../../src/common/domain-events/domain-events';
import { JobQueueService } from '../../src/infra/queue/job-queue.service';
import { QueueName } from '../../src/infra/queue/job-names';
import { AutomationSweepService } from '../../src/modules/automations/automation-sweep.service';
import { AutomationTriggerService, stepJobId } from '../../src/modules/automations/automation-trigger.service';
import { TriggerType } from '../../src/modules/automations/automation.types';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { type Bookable, localDate, localTime, newBookable, newCustomer } from '../support/scheduling';
import { startHttpFake } from '../support/http-fake';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

interface RunView {
  id: string;
  ruleId: string;
  ruleVersion: number;
  customerId: string;
  trigger: string;
  eventKey: string;
  status: string;
  currentStep: number;
  totalSteps: number;
  steps: { index: number; type: string; status: string; detail: string | null }[];
  result: string | null;
}

/**
 * Automation rules end to end: real events (a booking, a tag change, the
 * trigger API) fire rules through the durable queue; runs are recorded with
 * their steps, once per event; a wait is a delayed job that outlives a
 * restart; a rule that would trigger itself is stopped and recorded.
 */
describe('automations', () => {
  let t: TestApp;
  let db: Client;
  let owner: TestBusiness;
  let b: Bookable;

  before(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true' });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    owner = await newBusiness(t.http);
    b = await newBookable(t.http, owner);
  });

  after(async () => {
    await db?.end();
    await t?.close();
  });

  const createRule = async (body: Record<string, unknown>, who: TestBusiness = owner): Promise<{ id: string; version: number }> => {
    const res = await t.http.post('/api/automations').set(who.auth).send(body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  const runsOf = async (ruleId: string): Promise<RunView[]> => {
    const res = await t.http.get(`/api/automations/runs?ruleId=${ruleId}&limit=100`).set(owner.auth);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data as RunView[];
  };

  const waitForRuns = (ruleId: string, done: (runs: RunView[]) => boolean, what: string) =>
    until(
      what,
      async () => {
        const runs = await runsOf(ruleId);
        return done(runs) ? runs : null;
      },
      20_000,
      async () => JSON.stringify(await runsOf(ruleId), null, 2),
    );

  const messagesOf = async (customerId: string): Promise<{ id: string; text: string; template: string | null }[]> => {
    const res = await t.http.get(`/api/notifications/history?customerId=${customerId}&limit=100`).set(owner.auth);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data;
  };

  const book = async (customer: Record<string, unknown>, daysAhead: number) => {
    const res = await t.http
      .post('/api/appointments')
      .set(owner.auth)
      .send({ ...b, startsAt: localTime(daysAhead, '10:00'), customer });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; customerId: string; startsAt: string; endsAt: string };
  };

  it('a booked appointment fires the rule once (also when the event comes twice); a disabled rule and unmet conditions do not fire', async () => {
    const rule = await createRule({
      name: 'תודה על ההזמנה',
      trigger: { type: 'appointment.booked' },
      actions: [
        { type: 'send_message', channel: 'sms', kind: 'transactional', body: 'תודה {{ customer.firstName }}, נתראה!' },
        { type: 'add_tag', tag: 'הזמין' },
      ],
    });
    const disabled = await createRule({
      name: 'כבוי',
      enabled: false,
      trigger: { type: 'appointment.booked' },
      actions: [{ type: 'add_tag', tag: 'never' }],
    });
    const vipOnly = await createRule({
      name: 'VIP בלבד',
      trigger: { type: 'appointment.booked' },
      conditions: { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: 'VIP' }] },
      actions: [{ type: 'add_tag', tag: 'vip-booked' }],
    });

    const customer = newCustomer('דנה', 'לוי');
    const appt = await book(customer, 2);
    const [run] = await waitForRuns(rule.id, (r) => r.length === 1 && r[0].status === 'completed', 'the booking rule to complete');
    assert.equal(run.customerId, appt.customerId);
    assert.equal(run.trigger, 'appointment.booked');
    assert.equal(run.ruleVersion, 1);
    assert.equal(run.totalSteps, 2);
    assert.deepEqual(
      run.steps.map((s) => [s.index, s.type, s.status]),
      [
        [0, 'send_message', 'done'],
        [1, 'add_tag', 'done'],
      ],
    );
    const messages = await messagesOf(appt.customerId);
    const sent = messages.filter((m) => m.text.includes('נתראה'));
    assert.equal(sent.length, 1);
    assert.equal(sent[0].text, 'תודה דנה, נתראה!');
    const got = await t.http.get(`/api/customers/${appt.customerId}`).set(owner.auth).expect(200);
    assert.ok(got.body.tags.includes('הזמין'));
    assert.ok(!got.body.tags.includes('never'));

    // The same event delivered again (the listener, and the trigger job itself): still one run, one message.
    const payload = {
      businessId: owner.businessId,
      appointmentId: appt.id,
      customerId: appt.customerId,
      calendarId: b.calendarId,
      serviceId: b.serviceId,
      serviceName: 'תספורת גברים',
      startsAt: appt.startsAt,
      endsAt: appt.endsAt,
      status: 'booked',
      source: 'staff',
    };
    await t.app.get(DomainEvents).emitAndWait('appointment.booked', payload);
    await t.app.get(AutomationTriggerService).fire(owner.businessId, {
      trigger: TriggerType.appointmentBooked,
      customerId: appt.customerId,
      eventKey: `appointment.booked:${appt.id}`,
    });
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal((await runsOf(rule.id)).length, 1);
    assert.equal((await messagesOf(appt.customerId)).filter((m) => m.text.includes('נתראה')).length, 1);

    assert.equal((await runsOf(disabled.id)).length, 0, 'a disabled rule does not fire');
    assert.equal((await runsOf(vipOnly.id)).length, 0, 'conditions the customer does not meet filter the rule out');

    // A VIP customer meets the conditions.
    const vip = newCustomer('רונית', 'כהן');
    const created = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ ...vip, tags: ['VIP'] })
      .expect(201);
    await book(vip, 3);
    const [vipRun] = await waitForRuns(vipOnly.id, (r) => r.length === 1 && r[0].status === 'completed', 'the VIP rule to complete');
    assert.equal(vipRun.customerId, created.body.id);
    assert.equal((await runsOf(disabled.id)).length, 0);

    // Enabled later, the rule fires for the next booking.
    await t.http.patch(`/api/automations/${disabled.id}`).set(owner.auth).send({ enabled: true }).expect(200);
    await book(newCustomer(), 4);
    await waitForRuns(disabled.id, (r) => r.length === 1 && r[0].status === 'completed', 'the enabled rule to complete');
  });

  it('the wait step survives a restart, the run keeps its version when the rule is edited, and the sweep re-queues a lost step', async () => {
    const rule = await createRule({
      name: 'מעקב אחרי שעה',
      trigger: { type: 'external', name: 'wait_test' },
      actions: [
        { type: 'wait', hours: 1 },
        { type: 'send_message', channel: 'sms', kind: 'transactional', body: 'גרסה ראשונה' },
      ],
    });
    const customer = newCustomer('משה', 'פרץ');
    const fired = await t.http
      .post('/api/automations/events')
      .set(owner.auth)
      .send({ trigger: 'wait_test', phone: customer.phone, createCustomer: true, firstName: customer.firstName });
    assert.equal(fired.status, 202, JSON.stringify(fired.body));
    const [run] = await waitForRuns(rule.id, (r) => r.length === 1 && r[0].status === 'waiting', 'the run to wait');
    assert.equal(run.currentStep, 1);
    const queue = () => t.app.get(JobQueueService).queue(QueueName.automations);
    const delayed = async () => (await (await queue().getJob(stepJobId(run.id, 1)))?.getState()) ?? 'missing';
    assert.equal(await delayed(), 'delayed');

    // Editing the rule makes version 2; the waiting run stays on version 1.
    const edited = await t.http
      .patch(`/api/automations/${rule.id}`)
      .set(owner.auth)
      .send({
        actions: [
          { type: 'wait', hours: 1 },
          { type: 'send_message', channel: 'sms', kind: 'transactional', body: 'גרסה שנייה' },
        ],
      });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.version, 2);
    const renamed = await t.http.patch(`/api/automations/${rule.id}`).set(owner.auth).send({ name: 'מעקב' }).expect(200);
    assert.equal(renamed.body.version, 2, 'a rename is not a new version');
    const versions = await t.http.get(`/api/automations/${rule.id}/versions`).set(owner.auth).expect(200);
    assert.deepEqual(
      versions.body.data.map((v: { version: number }) => v.version),
      [2, 1],
    );

    t = await t.restart();
    assert.equal(await delayed(), 'delayed', 'the delayed step is still queued after the restart');
    assert.equal((await runsOf(rule.id))[0].status, 'waiting');

    // The hour passes: the step is due now.
    await db.query(`UPDATE automation_runs SET resume_at = now() WHERE id = $1`, [run.id]);
    await (await queue().getJob(stepJobId(run.id, 1)))!.promote();
    const [done] = await waitForRuns(rule.id, (r) => r[0]?.status === 'completed', 'the run to complete after the wait');
    assert.equal(done.ruleVersion, 1);
    assert.deepEqual(
      done.steps.map((s) => [s.type, s.status]),
      [
        ['wait', 'done'],
        ['send_message', 'done'],
      ],
    );
    const texts = (await messagesOf(done.customerId)).map((m) => m.text);
    assert.deepEqual(texts, ['גרסה ראשונה']);

    // A new run takes version 2; its delayed job is lost (removed) and the sweep brings it back.
    await t.http.post('/api/automations/events').set(owner.auth).send({ trigger: 'wait_test', phone: customer.phone }).expect(202);
    const [second] = await waitForRuns(rule.id, (r) => r.length === 2 && r[0].status === 'waiting', 'the second run to wait');
    assert.equal(second.ruleVersion, 2);
    await (await queue().getJob(stepJobId(second.id, 1)))!.remove();
    await db.query(`UPDATE automation_runs SET resume_at = now() - interval '5 minutes' WHERE id = $1`, [second.id]);
    const resumed = await t.app.get(AutomationSweepService).resumeLost(new Date());
    assert.equal(resumed, 1);
    await waitForRuns(rule.id, (r) => r[0]?.status === 'completed', 'the swept run to complete');
    assert.deepEqual((await messagesOf(done.customerId)).map((m) => m.text).sort(), ['גרסה ראשונה', 'גרסה שנייה'].sort());
  });

  it('the loop guard stops a self-triggering rule and records the stopped run', async () => {
    const rule = await createRule({
      name: 'לולאה',
      trigger: { type: 'customer.tag_added', tag: 'loop' },
      actions: [
        { type: 'remove_tag', tag: 'loop' },
        { type: 'add_tag', tag: 'loop' },
      ],
    });
    const c = await t.http.post('/api/customers').set(owner.auth).send(newCustomer('לולאה')).expect(201);
    await t.http
      .patch(`/api/customers/${c.body.id}`)
      .set(owner.auth)
      .send({ tags: ['loop'] })
      .expect(200);
    const runs = await waitForRuns(
      rule.id,
      (r) => r.some((x) => x.status === 'completed') && r.some((x) => x.status === 'loop_stopped'),
      'a completed run and a stopped one',
    );
    await new Promise((r) => setTimeout(r, 1_500));
    const settled = await runsOf(rule.id);
    assert.equal(settled.length, 2, JSON.stringify(settled));
    assert.equal(runs.length, 2);
    const stopped = settled.find((r) => r.status === 'loop_stopped')!;
    assert.match(stopped.result ?? '', /caused by this rule/);
    assert.equal(stopped.steps.length, 0);
    const customer = await t.http.get(`/api/customers/${c.body.id}`).set(owner.auth).expect(200);
    assert.deepEqual(customer.body.tags, ['loop']);
    const stoppedOnly = await t.http.get(`/api/automations/runs?status=loop_stopped&ruleId=${rule.id}`).set(owner.auth).expect(200);
    assert.equal(stoppedOnly.body.meta.total, 1);
  });

  it('calls a webhook: one signed automation.webhook event per run step, with the customer and the trigger data', async () => {
    const receiver = await startHttpFake((_req, res) => res.writeHead(204).end());
    try {
      const endpoint = await t.http
        .post('/api/webhooks/endpoints')
        .set(owner.auth)
        .send({ url: `${receiver.url}/hooks`, eventTypes: ['customer.created'] });
      assert.equal(endpoint.status, 201, JSON.stringify(endpoint.body));
      const rule = await createRule({
        name: 'ל-CRM',
        trigger: { type: 'customer.tag_added', tag: 'crm' },
        actions: [{ type: 'call_webhook', endpointId: endpoint.body.id }],
      });
      const c = await t.http.post('/api/customers').set(owner.auth).send(newCustomer('רוני')).expect(201);
      await t.http
        .patch(`/api/customers/${c.body.id}`)
        .set(owner.auth)
        .send({ tags: ['crm'] })
        .expect(200);
      await waitForRuns(rule.id, (r) => r.some((x) => x.status === 'completed'), 'the webhook run');
      const calls = await until('the automation event at the receiver', async () => {
        const hits = receiver.requests.filter((r) => r.headers['chatgrow-event-type'] === 'automation.webhook');
        return hits.length ? hits : null;
      });
      assert.equal(calls.length, 1);
      const body = JSON.parse(calls[0].body);
      assert.equal(body.type, 'automation.webhook');
      assert.equal(body.data.ruleId, rule.id);
      assert.equal(body.data.customer.id, c.body.id);
      assert.equal(body.data.customer.firstName, 'רוני');
      const [t0, v1] = String(calls[0].headers['chatgrow-signature']).split(',');
      const expected = createHmac('sha256', endpoint.body.secret)
        .update(`${t0.slice(2)}.${calls[0].body}`)
        .digest('hex');
      assert.equal(v1.slice(3), expected, 'signed with the endpoint secret');
      const bad = await t.http
        .post('/api/automations')
        .set(owner.auth)
        .send({ name: 'x', trigger: { type: 'customer.created' }, actions: [{ type: 'call_webhook', endpointId: 'nope' }] });
      assert.deepEqual(fieldsOf(expectProblem(bad, 400)), ['actions.0.endpointId']);
    } finally {
      await receiver.close();
    }
  });

  it('the external trigger API (API key) creates and matches customers by phone or email; an Idempotency-Key fires once', async () => {
    const rule = await createRule({
      name: 'ליד מהאתר',
      trigger: { type: 'external', name: 'lead_form' },
      actions: [{ type: 'add_tag', tag: 'ליד' }],
    });
    const key = (await t.http.post('/api/api-keys').set(owner.auth).send({ name: 'אתר', role: 'staff' }).expect(201)).body.key as string;
    const api = { 'x-api-key': key };
    const n = String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0');

    const missing = await t.http
      .post('/api/automations/events')
      .set(api)
      .send({ trigger: 'lead_form', phone: `053${n}` });
    expectProblem(missing, 404);
    assert.equal((await runsOf(rule.id)).length, 0);

    const noName = await t.http
      .post('/api/automations/events')
      .set(api)
      .send({ trigger: 'lead_form', phone: `053${n}`, createCustomer: true });
    expectProblem(noName, 400);

    const created = await t.http
      .post('/api/automations/events')
      .set(api)
      .send({ trigger: 'lead_form', phone: `053${n}`, createCustomer: true, firstName: 'נועה', data: { course: 'יוגה' } });
    assert.equal(created.status, 202, JSON.stringify(created.body));
    assert.equal(created.body.customerCreated, true);
    assert.equal(created.body.rules, 1);
    const customer = await t.http.get(`/api/customers/${created.body.customerId}`).set(owner.auth).expect(200);
    assert.equal(customer.body.phone, `+97253${n}`);
    assert.equal(customer.body.firstName, 'נועה');

    // The same phone in another form matches the same customer.
    const matched = await t.http
      .post('/api/automations/events')
      .set(api)
      .set('Idempotency-Key', 'lead-42')
      .send({ trigger: 'lead_form', phone: `+972-53-${n}`, createCustomer: true, firstName: 'נועה' });
    assert.equal(matched.status, 202, JSON.stringify(matched.body));
    assert.equal(matched.body.customerCreated, false);
    assert.equal(matched.body.customerId, created.body.customerId);
    const again = await t.http
      .post('/api/automations/events')
      .set(api)
      .set('Idempotency-Key', 'lead-42')
      .send({ trigger: 'lead_form', phone: `053${n}` });
    assert.equal(again.status, 202);
    assert.equal(again.body.eventKey, matched.body.eventKey);

    // By email: created, then matched.
    const email = `lead-${randomUUID().slice(0, 8)}@example.co.il`;
    const byEmail = await t.http
      .post('/api/automations/events')
      .set(api)
      .send({ trigger: 'lead_form', email, createCustomer: true, firstName: 'אבי' })
      .expect(202);
    assert.equal(byEmail.body.customerCreated, true);
    const byEmailAgain = await t.http
      .post('/api/automations/events')
      .set(api)
      .send({ trigger: 'lead_form', email: email.toUpperCase() })
      .expect(202);
    assert.equal(byEmailAgain.body.customerId, byEmail.body.customerId);

    // Runs: 2 for the phone customer (the idempotent pair is one), 2 for the email customer.
    const runs = await waitForRuns(rule.id, (r) => r.length === 4 && r.every((x) => x.status === 'completed'), 'four completed runs');
    assert.equal(runs.filter((r) => r.customerId === created.body.customerId).length, 2);
    assert.equal(runs.filter((r) => r.customerId === byEmail.body.customerId).length, 2);

    // A name no rule listens for is accepted and fires nothing.
    const unheard = await t.http.post('/api/automations/events').set(api).send({ trigger: 'nobody_listens', email }).expect(202);
    assert.equal(unheard.body.rules, 0);
    expectProblem(await t.http.post('/api/automations/events').set(api).send({ trigger: 'lead_form' }), 400);
    expectProblem(await t.http.post('/api/automations/events').send({ trigger: 'lead_form', email }), 401);
  });

  it('refuses invalid rules with the field paths of what is wrong', async () => {
    const res = await t.http
      .post('/api/automations')
      .set(owner.auth)
      .send({
        name: 'שגוי',
        trigger: { type: 'scheduled', date: 'lastVisit', days: 7, direction: 'before' },
        conditions: { match: 'all', rules: [{ field: 'nope', operator: '=', value: 1 }] },
        actions: [{ type: 'wait', hours: 0 }, { type: 'send_message', channel: 'sms', kind: 'marketing' }, { type: 'call_webhook' }],
      });
    const fields = fieldsOf(expectProblem(res, 400));
    for (const f of ['trigger.direction', 'conditions.rules.0.field', 'actions.0.hours', 'actions.1.template', 'actions.2.endpointId'])
      assert.ok(fields.includes(f), `${f} in ${JSON.stringify(fields)}`);
    const ok = await createRule({
      name: 'כבוי',
      enabled: false,
      trigger: { type: 'scheduled', date: 'lastVisit', days: 30 },
      actions: [{ type: 'add_tag', tag: 'x' }],
    });
    assert.equal(ok.version, 1);
  });

  it('fires a scheduled trigger once a day for customers whose date matches', async () => {
    const rule = await createRule({
      name: 'שבוע אחרי הצטרפות',
      trigger: { type: 'scheduled', date: 'createdAt', days: 7 },
      actions: [{ type: 'add_tag', tag: 'week-old' }],
    });
    const birthday = await createRule({
      name: 'שלושה ימים לפני יום הולדת',
      trigger: { type: 'scheduled', date: 'birthday', days: 3, direction: 'before' },
      actions: [{ type: 'add_tag', tag: 'birthday-soon' }],
    });
    const c = await t.http.post('/api/customers').set(owner.auth).send(newCustomer('ותיק')).expect(201);
    await db.query(`UPDATE customers SET created_at = now() - interval '7 days' WHERE id = $1`, [c.body.id]);
    const inThreeDays = localDate(3).slice(5);
    const celebrant = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ ...newCustomer('חוגגת'), birthday: `1990-${inThreeDays === '02-29' ? '02-28' : inThreeDays}` })
      .expect(201);
    const sweeper = t.app.get(AutomationSweepService);
    await sweeper.sweep();
    await sweeper.sweep();
    const runs = await waitForRuns(rule.id, (r) => r.length === 1 && r[0].status === 'completed', 'the scheduled run');
    assert.equal(runs[0].customerId, c.body.id);
    assert.match(runs[0].eventKey, /^scheduled:\d{4}-\d{2}-\d{2}$/);
    if (inThreeDays !== '02-29') {
      const birthdayRuns = await waitForRuns(birthday.id, (r) => r.length === 1 && r[0].status === 'completed', 'the birthday run');
      assert.equal(birthdayRuns[0].customerId, celebrant.body.id);
    }
  });

  it("another business's automations and runs → 404", async () => {
    const rule = await createRule({ name: 'של א', trigger: { type: 'customer.created' }, actions: [{ type: 'add_tag', tag: 'new' }] });
    const c = await t.http.post('/api/customers').set(owner.auth).send(newCustomer()).expect(201);
    const [run] = await waitForRuns(rule.id, (r) => r.some((x) => x.customerId === c.body.id), 'the customer.created run');
    const other = await newBusiness(t.http, { businessName: 'עסק אחר' });
    expectProblem(await t.http.get(`/api/automations/${rule.id}`).set(other.auth), 404);
    expectProblem(await t.http.get(`/api/automations/${rule.id}/versions`).set(other.auth), 404);
    expectProblem(await t.http.patch(`/api/automations/${rule.id}`).set(other.auth).send({ enabled: false }), 404);
    expectProblem(await t.http.delete(`/api/automations/${rule.id}`).set(other.auth), 404);
    expectProblem(await t.http.get(`/api/automations/runs/${run.id}`).set(other.auth), 404);
    const theirs = await t.http.get('/api/automations').set(other.auth).expect(200);
    assert.equal(theirs.body.meta.total, 0);
    const theirRuns = await t.http.get(`/api/automations/runs?ruleId=${rule.id}`).set(other.auth).expect(200);
    assert.equal(theirRuns.body.meta.total, 0);
    // Still there for its own business.
    await t.http.get(`/api/automations/runs/${run.id}`).set(owner.auth).expect(200);
    await t.http.delete(`/api/automations/${rule.id}`).set(owner.auth).expect(204);
    expectProblem(await t.http.get(`/api/automations/runs/${run.id}`).set(owner.auth), 404);
  });
});
