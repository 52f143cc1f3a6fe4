import { createTransport } from 'nodemailer';

/**
 * The floor of `bench:campaigns`, in a process of its own: the same number of
 * mails of the same size sent straight to the same SMTP sink with Nodemailer's
 * pool (as many connections as the app's email worker), with no queue, no
 * database and no rendering. IPC: "ready"; `{ count, concurrency }` →
 * `{ ms }` (first send → last 250); "stop" exits.
 */
process.send!('ready');
process.on('disconnect', () => process.exit(1));
process.on('message', (m: 'stop' | { count: number; concurrency: number }) => {
  if (m === 'stop') process.exit(0);
  void blast(m.count, m.concurrency).then((ms) => process.send!({ ms }));
});

async function blast(count: number, concurrency: number): Promise<number> {
  const transport = createTransport({ url: process.env.BENCH_SMTP_URL, pool: true, maxConnections: concurrency } as never);
  const text =
    'שלום נועה, השבוע 20% הנחה על כל הטיפולים בסטודיו דנה.\n\n--\nלהסרה מרשימת הדיוור: http://localhost:3000/api/public/unsubscribe/x\n';
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        await transport.sendMail({
          from: 'ChatGrow <no-reply@chatgrow.local>',
          to: `floor-${i}@example.co.il`,
          subject: 'נועה, הנחה בסטודיו דנה',
          text,
          html: `<p>${text}</p>`,
        });
      }
    }),
  );
  const ms = Date.now() - t0;
  transport.close();
  return ms;
}
