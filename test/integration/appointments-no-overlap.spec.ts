import 'reflect-metadata';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { useTestDataSource } from '../support/database';
import { insertBusiness } from '../support/sql';
import { AppointmentsRepository } from '../../src/modules/appointments/appointments.repository';
import { Appointment } from '../../src/modules/appointments/entities/appointment.entity';

/** The guarantee itself, below the application: PostgreSQL refuses overlapping bookings of one calendar. */
describe('ex_appointments_no_overlap', () => {
  let ds: DataSource;
  let ids: { businessId: string; serviceId: string; calendarId: string; otherCalendarId: string; customerId: string };

  const dataSource = useTestDataSource();
  before(async () => {
    ds = dataSource();
    const businessId = await insertBusiness(ds, 'מרפאה');
    const one = async (sql: string, params: unknown[]) => ((await ds.query(sql, params)) as { id: string }[])[0].id;
    ids = {
      businessId,
      serviceId: await one(
        `INSERT INTO services (business_id, name, duration_minutes, price_agorot) VALUES ($1, 'טיפול', 30, 0) RETURNING id`,
        [businessId],
      ),
      calendarId: await one(`INSERT INTO calendars (business_id, kind, name) VALUES ($1, 'resource', 'חדר 1') RETURNING id`, [businessId]),
      otherCalendarId: await one(`INSERT INTO calendars (business_id, kind, name) VALUES ($1, 'resource', 'חדר 2') RETURNING id`, [
        businessId,
      ]),
      customerId: await one(`INSERT INTO customers (business_id, first_name, phone) VALUES ($1, 'דן', '+972501111111') RETURNING id`, [
        businessId,
      ]),
    };
  });

  const insert = (from: string, to: string, opts: { status?: string; calendarId?: string } = {}) =>
    ds.query(
      `INSERT INTO appointments (business_id, service_id, calendar_id, customer_id, starts_at, ends_at, blocked_from, blocked_to, status, source, service_name, price_agorot, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $5, $6, $7, 'staff', 'טיפול', 0, 'ILS') RETURNING id`,
      [ids.businessId, ids.serviceId, opts.calendarId ?? ids.calendarId, ids.customerId, from, to, opts.status ?? 'confirmed'],
    );
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { driverError?: { code?: string } }) => e.driverError?.code ?? 'unknown',
    );

  it('refuses an overlapping range on the same calendar (23P01) and allows touching, cancelled and other-calendar ranges', async () => {
    assert.equal(await code(insert('2026-06-01T10:00Z', '2026-06-01T11:00Z')), 'ok');
    assert.equal(await code(insert('2026-06-01T10:59Z', '2026-06-01T11:30Z')), '23P01');
    assert.equal(await code(insert('2026-06-01T09:00Z', '2026-06-01T12:00Z')), '23P01');
    assert.equal(await code(insert('2026-06-01T11:00Z', '2026-06-01T11:30Z')), 'ok', 'half-open ranges may touch');
    assert.equal(await code(insert('2026-06-01T10:15Z', '2026-06-01T10:45Z', { status: 'cancelled' })), 'ok');
    assert.equal(await code(insert('2026-06-01T10:15Z', '2026-06-01T10:45Z', { calendarId: ids.otherCalendarId })), 'ok');
  });

  it('refuses un-cancelling into a taken range and inverted times', async () => {
    const [{ id }] = await insert('2026-06-02T10:00Z', '2026-06-02T11:00Z', { status: 'cancelled' });
    await insert('2026-06-02T10:30Z', '2026-06-02T11:30Z');
    assert.equal(await code(ds.query(`UPDATE appointments SET status = 'confirmed' WHERE id = $1`, [id])), '23P01');
    assert.equal(await code(insert('2026-06-03T11:00Z', '2026-06-03T10:00Z')), '23514');
  });

  it('keeps two overlapping bookings of one calendar in line (calendar lock), so they never deadlock', async () => {
    const first = ds.createQueryRunner();
    const second = ds.createQueryRunner();
    await first.connect();
    await second.connect();
    try {
      const appointments = new AppointmentsRepository(ds.getRepository(Appointment));
      const insertVia = (runner: typeof first, from: string, to: string) =>
        runner.query(
          `INSERT INTO appointments (business_id, service_id, calendar_id, customer_id, starts_at, ends_at, blocked_from, blocked_to, status, source, service_name, price_agorot, currency)
           VALUES ($1, $2, $3, $4, $5, $6, $5, $6, 'confirmed', 'staff', 'טיפול', 0, 'ILS')`,
          [ids.businessId, ids.serviceId, ids.calendarId, ids.customerId, from, to],
        );
      await first.startTransaction();
      await appointments.withManager(first.manager).lockCalendar(ids.calendarId);
      await insertVia(first, '2026-06-05T10:00Z', '2026-06-05T11:00Z');

      await second.startTransaction();
      const secondDone = appointments
        .withManager(second.manager)
        .lockCalendar(ids.calendarId)
        .then(() => code(insertVia(second, '2026-06-05T10:30Z', '2026-06-05T11:30Z')));
      // The second transaction waits on the calendar lock, before touching the table.
      for (let i = 0; i < 100; i++) {
        const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
        if (n === 1) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const [{ waiting }] = await ds.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
      assert.equal(waiting, 1);

      await first.commitTransaction();
      assert.equal(await secondDone, '23P01', 'a plain constraint refusal, not a deadlock (40P01)');
      await second.rollbackTransaction();
    } finally {
      await first.release();
      await second.release();
    }
  });
});
