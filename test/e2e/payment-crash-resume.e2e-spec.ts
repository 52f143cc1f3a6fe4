import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { uuidFromKey } from '../../src/common/crypto/key-uuid';
import { outboxMailsTo } from '../support/eml';
import { newBusiness, type TestBusiness } from '../support/factories';
import { type HttpFake, startHttpFake } from '../support/http-fake';
import { freePort, type RunningApp, startBuiltApp } from '../support/process';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const APPROVE = '4580000000000000';
const ISSUER = { legalName: 'סטודיו דנה בע"מ', taxId: '515555555', address: 'רחוב הרצל 1, תל אביב', phone: '03-5551234' };
const SWEEP_MS = 300;

interface PaymentView {
  id: string;
  status: string;
  invoiceId: string | null;
  receiptMessageId: string | null;
  events: { type: string }[];
}

/** A payment step the worker is killed inside of, by a trigger that holds the step's INSERT. */
interface CrashPoint {
  title: string;
  email: string;
  table: 'invoices' | 'stream_documents';
  /** The trigger's WHEN: only this payment's row is held, nothing else the worker writes. */
  when: (paymentId: string, lit: (s: string) => string) => string;
  /** Where the payment stands while its worker is held. */
  heldAt: (p: PaymentView) => boolean;
}

const CRASH_POINTS: CrashPoint[] = [
  {
    title: 'between "paid" and "document issued"',
    email: 'crash-document@example.co.il',
    table: 'invoices',
    when: (paymentId, lit) => `NEW.source = ${lit(`payment:${paymentId}`)}`,
    heldAt: (p) => p.status === 'paid' && p.invoiceId === null,
  },
  {
    title: 'between "issued" and "emailed"',
    email: 'crash-email@example.co.il',
    table: 'stream_documents',
    when: (_, lit) => `NEW.stream = 'messages' AND NEW.fields->>'to' = ${lit('crash-email@example.co.il')}`,
    heldAt: (p) => p.status === 'paid' && p.invoiceId !== null && p.receiptMessageId === null,
  },
];

/**
 * The payment pipeline survives its worker dying mid-step (SIGKILL, no
 * shutdown): the API runs here (APP_ROLE=api), the jobs in a separate built
 * worker process. A trigger holds the step's INSERT (pg_sleep) so the worker
 * is provably inside it when it is killed; the database is told to notice a
 * vanished client (client_connection_check_interval) and rolls the held
 * statement back, as it would for a crashed machine's connection. A new worker
 * then finishes the payment: exactly one document and one email.
 */
describe('payments: a worker killed mid-pipeline, then restarted → one document, one email', () => {
  let t: TestApp;
  let relay: HttpFake;
  let db: Client;
  let owner: TestBusiness;
  let worker: RunningApp | undefined;
  const workers: RunningApp[] = [];
  const outbox = () => join(t.dataDir, 'outbox');

  before(async () => {
    relay = await startHttpFake((req, res) => {
      void t.http
        .post(req.path)
        .set('content-type', String(req.headers['content-type']))
        .send(req.body)
        .then(
          (answer) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text),
          () => res.writeHead(502).end(),
        );
    });
    t = await startTestApp({ APP_ROLE: 'api', PUBLIC_URL: relay.url, PAYMENT_SWEEP_INTERVAL_MS: String(SWEEP_MS) });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    // A backend whose client died mid-statement aborts within 100 ms instead of running the statement to its end.
    await db.query(
      `ALTER DATABASE ${db.escapeIdentifier(new URL(t.databaseUrl).pathname.slice(1))} SET client_connection_check_interval = '100ms'`,
    );
    owner = await newBusiness(t.http);
    await t.http.patch('/api/invoices/settings').set(owner.auth).send(ISSUER).expect(200);
  });

  after(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await db
      ?.query(`DROP TRIGGER IF EXISTS crash_hold ON invoices; DROP TRIGGER IF EXISTS crash_hold ON stream_documents`)
      .catch(() => undefined);
    await db?.end();
    try {
      await t?.close();
    } finally {
      await relay?.close();
    }
  });

  /** What a timed-out wait reports: the payment, its jobs and the worker's complaints. */
  let explain: (() => Promise<string>) | undefined;
  const waitFor = <T>(what: string, probe: () => Promise<T | null | undefined | false | 0>, timeoutMs: number) =>
    until(what, probe, timeoutMs, explain);

  const startWorker = async (): Promise<RunningApp> => {
    const w = startBuiltApp({
      APP_ROLE: 'worker',
      NODE_ENV: 'test',
      DATABASE_URL: t.databaseUrl,
      DATA_DIR: t.dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(await freePort()),
      PUBLIC_URL: relay.url,
      PAYMENT_SWEEP_INTERVAL_MS: String(SWEEP_MS),
      LOG_LEVEL: 'info',
    });
    workers.push(w);
    worker = w;
    await waitFor(
      'the worker to start',
      async () => {
        if (w.child.exitCode !== null) throw new Error(`The worker exited (${w.child.exitCode}):\n${w.output()}`);
        return /Workers running/.test(w.output());
      },
      60_000,
    );
    return w;
  };

  const get = async (id: string): Promise<PaymentView> => (await t.http.get(`/api/payments/${id}`).set(owner.auth).expect(200)).body;
  const documentsOf = async (id: string) => (await db.query(`SELECT id, number FROM invoices WHERE source = $1`, [`payment:${id}`])).rows;
  const heldInserts = async () =>
    (
      await db.query<{ pid: number; query: string }>(
        `SELECT pid, query FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep' AND pid <> pg_backend_pid()`,
      )
    ).rows;
  const jobsOf = async (paymentId: string) =>
    (
      await db.query<{
        id: string;
        name: string;
        state: string;
        failed_reason: string | null;
        added: number;
        processed: number | null;
        finished: number | null;
      }>(
        `SELECT id, name, state::text, failed_reason, added_at_ms::float8 AS added, processed_at_ms::float8 AS processed, finished_at_ms::float8 AS finished
           FROM bullmq.job WHERE data->>'paymentId' = $1 ORDER BY added_at_ms`,
        [paymentId],
      )
    ).rows;
  const messagesTo = async (customerId: string) =>
    (await t.http.get('/api/notifications/history').query({ customerId, limit: 100 }).set(owner.auth).expect(200)).body.data as {
      id: string;
      status: string;
      to: string;
    }[];

  /** One document for the payment, one message keyed by it (sent), one mail with its PDF: whatever ran twice wrote once. */
  const assertOnce = async (paymentId: string, customerId: string, email: string) => {
    const p = await get(paymentId);
    assert.equal(p.status, 'paid');
    const docs = await documentsOf(paymentId);
    assert.equal(docs.length, 1, `documents for payment:${paymentId}: ${JSON.stringify(docs)}`);
    assert.equal(p.invoiceId, docs[0].id);
    assert.equal(p.receiptMessageId, uuidFromKey(owner.businessId, 'message', `invoice:${p.invoiceId}`));
    const types = p.events.map((e) => e.type);
    assert.deepEqual(types, ['created', 'paid', 'document_issued', 'receipt_sent']);
    const messages = await messagesTo(customerId);
    assert.deepEqual(
      messages.map((m) => [m.id, m.to, m.status]),
      [[p.receiptMessageId, email, 'sent']],
    );
    const mails = outboxMailsTo(outbox(), email);
    assert.equal(mails.length, 1, `mails to ${email}: ${mails.map((m) => m.subject).join(', ')}`);
    assert.match(mails[0].subject, /אישור תשלום/);
    assert.ok(
      mails[0].attachments.some((a) => a.contentType === 'application/pdf' && a.filename.includes(`-${docs[0].number}.pdf`)),
      `the mail carries the document: ${mails[0].attachments.map((a) => a.filename).join(', ')}`,
    );
  };

  for (const point of CRASH_POINTS) {
    it(`killed ${point.title}: after a restart, exactly one document and one email`, { timeout: 180_000 }, async (ctx) => {
      const customerId = (
        await t.http
          .post('/api/customers')
          .set(owner.auth)
          .send({ firstName: 'דנה', lastName: 'כהן', email: point.email, language: 'he' })
          .expect(201)
      ).body.id as string;
      const created = await t.http
        .post('/api/payments')
        .set(owner.auth)
        .set('Idempotency-Key', randomUUID())
        .send({
          customerId,
          amount: 12_345,
          description: 'שיעור יוגה',
          successUrl: 'https://shop.example.co.il/ok',
          failureUrl: 'https://shop.example.co.il/no',
        })
        .expect(201);
      const paymentId = created.body.id as string;
      explain = async () =>
        [
          JSON.stringify(await get(paymentId)),
          JSON.stringify(await jobsOf(paymentId)),
          ...workers.map((w) =>
            w
              .output()
              .split('\n')
              .filter((l) => /WARN|ERROR/.test(l))
              .slice(-20)
              .join('\n'),
          ),
        ].join('\n');

      const lit = (s: string) => db.escapeLiteral(s);
      await db.query(`
        CREATE OR REPLACE FUNCTION crash_hold() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_sleep(120); RETURN NEW; END $$;
        CREATE TRIGGER crash_hold BEFORE INSERT ON ${point.table} FOR EACH ROW
          WHEN (${point.when(paymentId, lit)}) EXECUTE FUNCTION crash_hold();`);
      const t0 = Date.now();
      const doomed = worker ?? (await startWorker());
      const ready = Date.now();

      await t.http.post(new URL(created.body.pageUrl).pathname).type('form').send({ cardNumber: APPROVE }).expect(303);
      // pg_stat_activity copies each session's query text once per read but reads its wait live, so a
      // session that has just gone from its previous statement into the held INSERT can show the
      // previous text beside PgSleep for one read: wait until every held session shows the INSERT
      // (a statement held anywhere else never does, and the wait fails).
      const insert = new RegExp(`INSERT INTO "?${point.table}"?`, 'i');
      const held = await waitFor(
        'the worker to be held inside the step',
        async () => ((rows) => rows.length > 0 && rows.every((h) => insert.test(h.query)) && rows)(await heldInserts()),
        30_000,
      );
      for (const h of held) assert.match(h.query, insert);
      const heldAt = Date.now();
      const before = await get(paymentId);
      assert.ok(point.heldAt(before), `held at the wrong place: ${JSON.stringify(before)}`);

      // What the killed worker is running (a snapshot): BullMQ takes these up again only once their locks expire.
      const killedJobs = (await jobsOf(paymentId)).filter((j) => j.state === 'active').map((j) => j.id);
      doomed.child.kill('SIGKILL');
      assert.equal(await doomed.exited, null, 'killed, not exited');
      const killedAt = Date.now();
      // The server notices its client is gone and rolls the held statements back.
      await waitFor('the dead worker’s held statements to be rolled back', async () => (await heldInserts()).length === 0, 10_000);
      const rolledBack = Date.now();
      await db.query(`DROP TRIGGER crash_hold ON ${point.table}`);
      assert.deepEqual(
        (await documentsOf(paymentId)).map((d) => d.id),
        before.invoiceId ? [before.invoiceId] : [],
        'nothing of the held step was written',
      );

      await startWorker();
      const bootedAt = Date.now();
      await waitFor(
        'the payment to finish its pipeline',
        async () => ((p) => (p.receiptMessageId ? p : null))(await get(paymentId)),
        90_000,
      );
      const resumedAt = Date.now();
      await waitFor('the receipt to be sent', async () => (await messagesTo(customerId)).some((m) => m.status === 'sent'), 30_000);
      await waitFor('the receipt mail', async () => outboxMailsTo(outbox(), point.email).length > 0, 30_000);
      const jobs = await jobsOf(paymentId);
      ctx.diagnostic(
        `first worker ready ${ready - t0} ms; held ${heldAt - ready} ms after paying; rolled back ${rolledBack - killedAt} ms after the kill; ` +
          `new worker boot ${bootedAt - rolledBack} ms; pipeline finished ${resumedAt - bootedAt} ms after boot; ` +
          `killed jobs ${JSON.stringify(killedJobs)}; jobs now ${JSON.stringify(
            jobs.map((j) => [
              j.id.replace(paymentId, '…'),
              j.state,
              j.added - killedAt,
              j.processed && j.processed - killedAt,
              j.finished && j.finished - killedAt,
            ]),
          )}`,
      );
      await assertOnce(paymentId, customerId, point.email);
    });
  }
});
