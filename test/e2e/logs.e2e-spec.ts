import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expectProblem, newBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const CLI = join(__dirname, '../../scripts/cli.js');

describe('platform logs and the make-admin command', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logs: true });
  });
  after(() => t.close());

  it('keeps /api/logs for platform administrators, set by `cli make-admin`', async () => {
    const owner = await newBusiness(t.http);
    expectProblem(await t.http.get('/api/logs').set(owner.auth), 403);

    const cli = spawnSync(process.execPath, [CLI, 'make-admin', owner.email.toUpperCase()], {
      env: { PATH: process.env.PATH, DATABASE_URL: t.databaseUrl, DATA_DIR: t.dataDir, LOG_LEVEL: 'error' },
      encoding: 'utf8',
    });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /now a platform administrator/);

    const missing = spawnSync(process.execPath, [CLI, 'make-admin', 'nobody@example.co.il'], {
      env: { PATH: process.env.PATH, DATABASE_URL: t.databaseUrl, DATA_DIR: t.dataDir },
      encoding: 'utf8',
    });
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /No user with email nobody@example.co.il/);

    await t.http.get('/api/nope').set('X-Request-Id', 'find-me-in-logs');
    // Winston writes files asynchronously; give it a moment.
    let lines: { requestId?: string; level: string; message: string }[] = [];
    for (let i = 0; i < 40 && lines.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const res = await t.http.get('/api/logs').query({ requestId: 'find-me-in-logs' }).set(owner.auth);
      assert.equal(res.status, 200);
      lines = res.body.data;
    }
    assert.ok(lines.length > 0, 'the request left a log line');
    assert.ok(lines.every((l) => l.requestId === 'find-me-in-logs'));
    const warnOnly = await t.http.get('/api/logs').query({ level: 'error', requestId: 'find-me-in-logs' }).set(owner.auth);
    assert.equal(warnOnly.body.data.length, 0, 'a 404 is logged as a warning, not an error');

    // At info, a successful request's line (verbose) is not written; written at verbose (below).
    await t.http.get('/api/auth/me').set(owner.auth).set('X-Request-Id', 'quiet-at-info').expect(200);
    await t.http.get('/api/nope').set('X-Request-Id', 'after-quiet');
    assert.ok((await logLines(t, owner.auth, 'after-quiet')).length > 0);
    assert.equal((await logLines(t, owner.auth, 'quiet-at-info', 1)).length, 0);
  });
});

describe('request lines at LOG_LEVEL=verbose', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ LOG_LEVEL: 'verbose' }, { logs: true });
  });
  after(() => t.close());

  it('writes a line for a successful request', async () => {
    const owner = await newBusiness(t.http);
    const cli = spawnSync(process.execPath, [CLI, 'make-admin', owner.email], {
      env: { PATH: process.env.PATH, DATABASE_URL: t.databaseUrl, DATA_DIR: t.dataDir, LOG_LEVEL: 'error' },
      encoding: 'utf8',
    });
    assert.equal(cli.status, 0, cli.stderr);
    await t.http.get('/api/auth/me').set(owner.auth).set('X-Request-Id', 'loud-at-verbose').expect(200);
    const lines = await logLines(t, owner.auth, 'loud-at-verbose');
    assert.ok(lines.some((l) => l.level === 'verbose' && /GET \/api\/auth\/me 200/.test(l.message)));
  });
});

/** The log lines of one request id, waiting up to `tries` × 100 ms for winston's asynchronous file writes. */
async function logLines(t: TestApp, auth: Record<string, string>, requestId: string, tries = 40) {
  let lines: { level: string; message: string }[] = [];
  for (let i = 0; i < tries && lines.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    lines = (await t.http.get('/api/logs').query({ requestId }).set(auth).expect(200)).body.data;
  }
  return lines;
}
