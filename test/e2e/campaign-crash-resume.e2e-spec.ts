// A campaign to 2,000 customers whose worker is killed (SIGKILL, no shutdown)
// halfway through sending, then restarted: every consenting customer gets
// exactly one message, non-consenting ones none, and a customer who withdraws
// consent while the campaign is sending (their message already written and
// queued) gets nothing. The API runs here (APP_ROLE=api); the jobs run in a
// separate built worker process. Before the kill the SMTP server stops
// answering (hold), so no mail the server kept can be one its sender did not
// record: what the restarted worker sends is what the dead one never handed over.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { newBusiness, type TestBusiness } from '../support/factories';
import { freePort, type RunningApp, startBuiltApp } from '../support/process';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const CUSTOMERS = 2_000;
const TAG = 'crash-campaign';
/** Every fourth customer has not consented to email marketing. */
const consents = (i: number) => i % 4 !== 0;
const address = (i: number) => `crash-${i}@example.co.il`;

describe('campaigns: 2,000 customers, the worker killed halfway, then restarted', () => {
  let t: TestApp;
  let db: Client;
  let owner: TestBusiness;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const workers: RunningApp[] = [];

  const env = {
    EMAIL_DRIVER: 'smtp',
    CAMPAIGN_BATCH_SIZE: '100',
    CAMPAIGN_STALL_MS: '2000',
    CAMPAIGN_SWEEP_INTERVAL_MS: '500',
    EMAIL_MAX_PER_SECOND: '80',
    MESSAGE_RETRY_DELAY_MS: '200',
  };

  before(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ ...env, APP_ROLE: 'api', SMTP_URL: smtp.url });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    owner = await newBusiness(t.http);
    await db.query(
      `INSERT INTO customers (business_id, first_name, email, tags, email_consent, search_text)
       SELECT $1, 'נועה', 'crash-' || i || '@example.co.il', ARRAY[$2], i % 4 <> 0, '' FROM generate_series(0, $3 - 1) AS i`,
      [owner.businessId, TAG, CUSTOMERS],
    );
  });

  after(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await db?.end();
    try {
      await t?.close();
    } finally {
      await smtp?.close();
    }
  });

  const startWorker = async (): Promise<RunningApp> => {
    const w = startBuiltApp({
      ...env,
      APP_ROLE: 'worker',
      NODE_ENV: 'test',
      SMTP_URL: smtp.url,
      DATABASE_URL: t.databaseUrl,
      DATA_DIR: t.dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    });
    workers.push(w);
    await until(
      'the worker to start',
      async () => {
        if (w.child.exitCode !== null) throw new Error(`The worker exited (${w.child.exitCode}):\n${w.output()}`);
        return /Workers running/.test(w.output());
      },
      60_000,
    );
    return w;
  };

  it(
    'every consenting customer gets exactly one message, the others none, an unsubscribe midway stops theirs',
    { timeout: 240_000 },
    async () => {
      const seg = await t.http
        .post('/api/segments')
        .set(owner.auth)
        .send({ name: 'כולם', rule: { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: TAG }] } });
      assert.equal(seg.status, 201, JSON.stringify(seg.body));
      const created = await t.http
        .post('/api/campaigns')
        .set(owner.auth)
        .send({ name: 'קריסה', channel: 'email', segmentId: seg.body.id, subject: 'שלום {{ customer.firstName }}', body: 'מבצע' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const campaignId = created.body.id as string;

      // The consenting customer sent to last (the highest id: batches go in id order).
      const [last] = (
        await db.query(`SELECT id, email FROM customers WHERE business_id = $1 AND email_consent ORDER BY id DESC LIMIT 1`, [
          owner.businessId,
        ])
      ).rows as { id: string; email: string }[];

      let worker = await startWorker();
      await t.http.post(`/api/campaigns/${campaignId}/schedule`).set(owner.auth).send({}).expect(200);

      // Their message is written and queued; then they withdraw consent, while mails are still going out.
      await until(
        'the last customer to be queued',
        async () =>
          (
            await db.query(`SELECT 1 FROM campaign_recipients WHERE campaign_id = $1 AND customer_id = $2 AND status = 'queued'`, [
              campaignId,
              last.id,
            ])
          ).rowCount === 1,
        90_000,
      );
      const withdrawn = await t.http
        .patch(`/api/customers/${last.id}`)
        .set(owner.auth)
        .send({ marketingConsent: { email: { granted: false } } });
      assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
      assert.equal(smtp.received.filter((m) => m.envelope.to.includes(last.email)).length, 0, 'not sent before the unsubscribe');

      const consenting = Array.from({ length: CUSTOMERS }, (_, i) => i).filter(consents).length - 1;
      await until('half the mails', async () => smtp.received.length >= consenting / 2, 90_000);
      smtp.hold();
      await new Promise((r) => setTimeout(r, 500));
      worker.child.kill('SIGKILL');
      await worker.exited;
      smtp.release();
      const atKill = smtp.received.length;
      assert.ok(atKill < consenting, `killed halfway (${atKill} of ${consenting} sent)`);

      worker = await startWorker();
      await until(
        'every consenting customer to be sent to',
        async () => {
          const st = (await t.http.get(`/api/campaigns/${campaignId}/stats`).set(owner.auth)).body as Record<string, number>;
          return st.sent === consenting && st.queued === 0 && st.pending === 0 && smtp.received.length >= consenting;
        },
        150_000,
        async () =>
          `stats ${JSON.stringify((await t.http.get(`/api/campaigns/${campaignId}/stats`).set(owner.auth)).body)}, ${smtp.received.length} mails`,
      );
      await new Promise((r) => setTimeout(r, 1_000)); // anything sent twice would arrive now

      const perAddress = new Map<string, number>();
      for (const m of smtp.received) for (const to of m.envelope.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
      const twice = [...perAddress].filter(([, n]) => n > 1);
      assert.deepEqual(twice, [], 'nobody got two mails');
      for (let i = 0; i < CUSTOMERS; i++) {
        const expected = consents(i) && address(i) !== last.email ? 1 : 0;
        assert.equal(perAddress.get(address(i)) ?? 0, expected, `${address(i)}: ${expected} mail(s)`);
      }

      // The message log: one message per consenting customer, none for the others.
      const logged = await db.query(
        `SELECT fields->>'to' AS to, count(*)::int AS n, min(fields->>'status') AS status FROM stream_documents
       WHERE stream = 'messages' AND business_id = $1 AND fields->>'to' LIKE 'crash-%' GROUP BY 1`,
        [owner.businessId],
      );
      assert.equal(logged.rowCount, consenting + 1, 'a message for each consenting customer (the unsubscriber’s written before they left)');
      assert.ok(
        logged.rows.every((r: { n: number }) => r.n === 1),
        'one message each',
      );
      const theirs = logged.rows.find((r: { to: string }) => r.to === last.email) as { status: string };
      assert.equal(theirs.status, 'suppressed');

      const stats = (await t.http.get(`/api/campaigns/${campaignId}/stats`).set(owner.auth).expect(200)).body as Record<string, number>;
      assert.equal(stats.recipients, CUSTOMERS);
      assert.equal(stats.suppressed, CUSTOMERS - consenting);
      assert.equal(stats.sent, consenting);
      assert.equal(stats.failed, 0);
      assert.equal((await t.http.get(`/api/campaigns/${campaignId}`).set(owner.auth)).body.status, 'sent');
    },
  );
});
