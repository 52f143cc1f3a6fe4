import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { JobQueueService } from '../../src/infra/queue/job-queue.service';
import { JobName, QueueName } from '../../src/infra/queue/job-names';
import { AppointmentReminderJob } from '../../src/modules/appointments/reminders/appointment-reminder.job';
import { ReconcileRemindersJob } from '../../src/modules/appointments/reminders/reconcile-reminders.job';
import { reminderJobId } from '../../src/modules/appointments/reminders/reminder.scheduler';
import { newBusiness, type TestBusiness } from '../support/factories';
import { localTime, newBookable, newCustomer, type Bookable } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

const backends = [
  { name: 'PostgreSQL', env: {} as Record<string, string> },
  {
    name: 'Redis',
    env: { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}` },
  },
];

for (const backend of backends) {
  describe(`appointment reminders on the ${backend.name} queue backend`, () => {
    let t: TestApp;
    let owner: TestBusiness;
    let b: Bookable;
    before(async () => {
      t = await startTestApp(backend.env);
      owner = await newBusiness(t.http);
      b = await newBookable(t.http, owner);
    });
    after(async () => {
      // Redis keeps what a run leaves: drop this run's queue (PostgreSQL goes with the database).
      if (backend.env.REDIS_URL) await t.app.get(JobQueueService).queue(QueueName.reminders).obliterate({ force: true });
      await t.close();
    });

    /** Delayed reminder jobs of one appointment, as `id → due time (ms)`. */
    async function remindersOf(appointmentId: string): Promise<Map<string, number>> {
      const queue = t.app.get(JobQueueService).queue(QueueName.reminders);
      const jobs = await queue.getDelayed(0, -1);
      return new Map(
        jobs
          .filter((j) => j.name === JobName.AppointmentReminder && j.data.appointmentId === appointmentId)
          .map((j) => [j.id!, j.timestamp + (j.opts.delay ?? 0)]),
      );
    }

    const expected = (id: string, startsAtIso: string) => {
      const startsAt = new Date(startsAtIso);
      return [1440, 120].map((offset) => ({ id: reminderJobId(id, offset, startsAt), due: startsAt.getTime() - offset * 60_000 }));
    };

    function assertJobs(actual: Map<string, number>, wanted: { id: string; due: number }[]): void {
      assert.deepEqual([...actual.keys()].sort(), wanted.map((w) => w.id).sort());
      for (const w of wanted)
        assert.ok(Math.abs(actual.get(w.id)! - w.due) < 5_000, `${w.id} due at ${new Date(actual.get(w.id)!).toISOString()}`);
    }

    it('schedules the 24 h and 2 h reminders, moves them on reschedule, keeps exactly them across a restart and removes them on cancel', async () => {
      const startsAt = localTime(3, '10:00');
      const booked = await t.http
        .post('/api/appointments')
        .set(owner.auth)
        .send({ ...b, startsAt, customer: newCustomer() });
      assert.equal(booked.status, 201);
      const id = booked.body.id;
      assertJobs(await remindersOf(id), expected(id, startsAt));

      const later = localTime(4, '12:30');
      assert.equal((await t.http.patch(`/api/appointments/${id}`).set(owner.auth).send({ startsAt: later })).status, 200);
      assertJobs(await remindersOf(id), expected(id, later));

      t = await t.restart();
      assertJobs(await remindersOf(id), expected(id, later));
      // The app still works after the restart, with the same tokens.
      assert.equal((await t.http.get(`/api/appointments/${id}`).set(owner.auth)).body.startsAt, new Date(later).toISOString());

      assert.equal((await t.http.post(`/api/appointments/${id}/cancel`).set(owner.auth).send({})).status, 200);
      assert.equal((await remindersOf(id)).size, 0);
    });

    it('skips reminders already due at booking time', async () => {
      const startsAt = new Date(Date.now() + 5 * 3_600_000).toISOString();
      const booked = await t.http
        .post('/api/appointments')
        .set(owner.auth)
        .send({ ...b, startsAt, customer: newCustomer() });
      assert.deepEqual([...(await remindersOf(booked.body.id)).keys()], [reminderJobId(booked.body.id, 120, new Date(startsAt))]);
    });

    it('emits a due reminder, and stays silent for a moved or cancelled appointment', async () => {
      const startsAt = localTime(5, '10:00');
      const booked = await t.http
        .post('/api/appointments')
        .set(owner.auth)
        .send({ ...b, startsAt, customer: newCustomer() });
      const id = booked.body.id;
      const job = t.app.get(AppointmentReminderJob);
      const payload = { businessId: owner.businessId, appointmentId: id, offsetMinutes: 120, startsAt: new Date(startsAt).toISOString() };
      assert.deepEqual(await job.handle(payload), { sent: true });
      const timeline = await t.http.get(`/api/customers/${booked.body.customerId}/timeline`).set(owner.auth);
      assert.ok(timeline.body.data.some((e: { action: string }) => e.action === 'appointment.reminder_due'));

      await t.http
        .patch(`/api/appointments/${id}`)
        .set(owner.auth)
        .send({ startsAt: localTime(5, '11:00') });
      assert.deepEqual(await job.handle(payload), { sent: false, reason: 'moved' });
      await t.http.post(`/api/appointments/${id}/cancel`).set(owner.auth).send({});
      assert.deepEqual(await job.handle({ ...payload, startsAt: new Date(localTime(5, '11:00')).toISOString() }), {
        sent: false,
        reason: 'status cancelled',
      });
    });

    it('re-creates a lost reminder on reconciliation without touching the others', async () => {
      const startsAt = localTime(6, '10:00');
      const booked = await t.http
        .post('/api/appointments')
        .set(owner.auth)
        .send({ ...b, startsAt, customer: newCustomer() });
      const id = booked.body.id;
      const [lost] = expected(id, startsAt);
      assert.equal(await t.app.get(JobQueueService).cancel(JobName.AppointmentReminder, lost.id), true);
      assert.equal((await remindersOf(id)).size, 1);
      const reconcile = t.app.get(ReconcileRemindersJob);
      assert.deepEqual(
        await reconcile.handle(),
        { appointments: 0, scheduled: 0 },
        'appointments changed in the last minutes are left alone',
      );
      const result = await reconcile.reconcile(new Date(), new Date(Date.now() + 1_000));
      assert.ok(result.appointments >= 1);
      assert.equal(result.scheduled >= 1, true);
      assertJobs(await remindersOf(id), expected(id, startsAt));
    });
  });
}
