import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { Pool } from 'pg';
import { bareOnePagePdf } from './invoice-pdf';

/**
 * The floor of `bench:payments`, in a process of its own: the least code that
 * does a payment's work, as fast as it can be written, with the app's
 * concurrency of customers. Per payment, one after the other on each of
 * BENCH_FLOOR_CONCURRENCY loops:
 *  - INSERT the payment row (what POST /api/payments amounts to);
 *  - the "notification" (its time is taken here): UPDATE the row to paid;
 *  - a one-page A4 PDF with one Hebrew line in Heebo (bench/invoice-pdf's
 *    bareOnePagePdf, the font parsed once, as the app's renderer does);
 *  - one email with that PDF attached, through a pooled Nodemailer SMTP
 *    transport (as many connections as loops) to the benchmark's SMTP sink,
 *    carrying the same reference header the app's mails carry.
 * No queue, no document numbering, no message log, no tenancy: a floor.
 * IPC: says "ready"; `{ run: count, from }` pays `count` payments for the
 * customers `floor-<from>…@example.co.il` and answers `{ payments: [{ email, notifiedAt }] }`
 * once every mail has been taken by the sink; "stop" exits.
 */
const DATABASE_URL = process.env.BENCH_FLOOR_DATABASE_URL!;
const SMTP_PORT = Number(process.env.BENCH_FLOOR_SMTP_PORT);
const CONCURRENCY = Number(process.env.BENCH_FLOOR_CONCURRENCY ?? 20);

const pool = new Pool({ connectionString: DATABASE_URL, max: CONCURRENCY });
const smtp = createTransport({
  host: '127.0.0.1',
  port: SMTP_PORT,
  secure: false,
  ignoreTLS: true,
  pool: true,
  maxConnections: CONCURRENCY,
});

async function payOne(email: string): Promise<{ email: string; notifiedAt: number }> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO bench_floor_payments (customer_email, amount_agorot, description) VALUES ($1, $2, $3) RETURNING id`,
    [email, 12_000, 'שיעור יוגה'],
  );
  const id = rows[0].id;
  const notifiedAt = Date.now();
  await pool.query(`UPDATE bench_floor_payments SET status = 'paid', paid_at = now() WHERE id = $1`, [id]);
  const pdf = await bareOnePagePdf('parsed');
  await smtp.sendMail({
    from: 'ChatGrow <no-reply@chatgrow.local>',
    to: email,
    subject: 'אישור תשלום: חשבונית מס קבלה',
    text: 'שלום, התשלום התקבל. החשבונית מצורפת.',
    headers: { 'X-ChatGrow-Message-Id': `floor/${randomUUID()}/1` },
    attachments: [{ filename: `invoice-${id}.pdf`, contentType: 'application/pdf', content: pdf }],
  });
  return { email, notifiedAt };
}

async function run(count: number, from: number): Promise<Array<{ email: string; notifiedAt: number }>> {
  const done: Array<{ email: string; notifiedAt: number }> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) done.push(await payOne(`floor-${from + next++}@example.co.il`));
    }),
  );
  return done;
}

async function main(): Promise<void> {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_floor_payments (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       customer_email text NOT NULL,
       amount_agorot integer NOT NULL,
       description text NOT NULL,
       status text NOT NULL DEFAULT 'pending',
       created_at timestamptz NOT NULL DEFAULT now(),
       paid_at timestamptz)`,
  );
  process.on('message', (m: { run: number; from: number } | 'stop') => {
    if (m === 'stop') {
      smtp.close();
      void pool.end().finally(() => process.exit(0));
      return;
    }
    run(m.run, m.from).then(
      (payments) => process.send!({ payments }),
      (err: Error) => {
        process.stderr.write(`floor: ${err.stack}\n`);
        process.exit(1);
      },
    );
  });
  process.send!('ready');
}

// Orphaned (the benchmark was killed): go too.
process.on('disconnect', () => process.exit(1));
void main().catch((err: Error) => {
  process.stderr.write(`floor: ${err.stack}\n`);
  process.exit(1);
});
