import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TEST_PASSWORD } from '../support/factories';
import { freePort, startBuiltApp, waitForStatus } from '../support/process';

describe('the built app as a process', () => {
  it('exits non-zero naming PORT when PORT is bad', async () => {
    const app = startBuiltApp({ PORT: 'eighty', DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    assert.notEqual(await app.exited, 0);
    assert.match(app.output(), /PORT/);
  });

  it('exits non-zero naming JWT_SECRET when production has none', async () => {
    const app = startBuiltApp({ NODE_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    assert.notEqual(await app.exited, 0);
    assert.match(app.output(), /JWT_SECRET: required in production/);
  });

  describe('with no DATABASE_URL (embedded PostgreSQL)', () => {
    // mkdtemp makes a 0700 folder: the app itself must let the unprivileged postgres user in.
    const dataDir = join(mkdtempSync(join(tmpdir(), 'chatgrow-embedded-')), 'data');
    after(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

    it('starts, serves, stops cleanly on SIGTERM and keeps its data across a restart', async () => {
      const env = {
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
        BCRYPT_ROUNDS: '4',
      };
      const base = `http://127.0.0.1:${env.PORT}`;
      const email = 'embedded@example.co.il';

      const first = startBuiltApp(env);
      await waitForStatus(`${base}/health/ready`, 200, first);
      const registered = await fetch(`${base}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: TEST_PASSWORD, name: 'שרה', businessName: 'מספרה' }),
      });
      assert.equal(registered.status, 201);
      first.child.kill('SIGTERM');
      assert.equal(await first.exited, 0, first.output());

      const second = startBuiltApp(env);
      try {
        await waitForStatus(`${base}/health/ready`, 200, second);
        const login = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: TEST_PASSWORD }),
        });
        assert.equal(login.status, 200);
        const body = (await login.json()) as { user: { name: string } };
        assert.equal(body.user.name, 'שרה');
      } finally {
        second.child.kill('SIGTERM');
        assert.equal(await second.exited, 0, second.output());
      }
    });

    it('refuses to start, with a clear message, when the embedded port is taken', async () => {
      const taken = await freePort();
      const blocker = (await import('node:net')).createServer().listen(taken, '127.0.0.1');
      try {
        const app = startBuiltApp({ DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(taken) });
        assert.notEqual(await app.exited, 0);
        assert.match(app.output(), new RegExp(`EMBEDDED_PG_PORT ${taken} is already in use`));
      } finally {
        blocker.close();
      }
    });
  });
});
