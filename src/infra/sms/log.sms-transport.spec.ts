import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TemporaryDeliveryError } from '../../common/delivery/delivery-errors';
import { type LoggedSms, LogSmsTransport } from './log.sms-transport';

describe('SMS: log driver', () => {
  const root = mkdtempSync(join(tmpdir(), 'chatgrow-sms-log-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('appends one JSON line per message to sms.log, Hebrew intact, with its segments', async () => {
    const dir = join(root, 'outbox');
    const transport = new LogSmsTransport(dir);
    const body = 'שלום נועה, התור שלך מחר ב-10:00 בסטודיו דנה. לביטול השיבו 1';
    const first = await transport.send({ to: '+972501234567', body });
    const second = await transport.send({ to: '+972527654321', body: 'See you tomorrow at 10:00', from: 'DanaStudio' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => transport.send({ to: '+972500000000', body: `${i} ${'€'.repeat(100)}` })));

    const lines = readFileSync(join(dir, 'sms.log'), 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 22, 'whole lines, also from concurrent sends');
    const [a, b] = lines.slice(0, 2).map((l) => JSON.parse(l) as LoggedSms);
    assert.deepEqual(first, { messageId: a.messageId, provider: 'log', segments: 1 });
    assert.deepEqual(
      { ...a, at: undefined },
      { to: '+972501234567', from: null, body, segments: 1, at: undefined, messageId: first.messageId },
    );
    assert.ok(Math.abs(Date.parse(a.at) - Date.now()) < 60_000);
    assert.deepEqual([b.from, b.segments, b.messageId], ['DanaStudio', 1, second.messageId]);
    assert.notEqual(first.messageId, second.messageId);
    const euros = lines.slice(2).map((l) => JSON.parse(l) as LoggedSms);
    assert.ok(
      euros.every((e) => e.segments === 2),
      '100 € are 200 septets: two parts',
    );
  });

  it('probes the folder, and a send to a folder that is gone fails as temporary', async () => {
    const dir = join(root, 'vanishing');
    const transport = new LogSmsTransport(dir);
    assert.deepEqual(await transport.probe(), { ok: true, detail: join(dir, 'sms.log') });
    rmSync(dir, { recursive: true });
    assert.equal((await transport.probe()).ok, false);
    await assert.rejects(
      transport.send({ to: '+972501234567', body: 'x' }),
      (err: Error) => err instanceof TemporaryDeliveryError && err.providerCode === 'ENOENT',
    );
  });
});
