import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import openapiTS, { astToString } from 'openapi-typescript';
import { startTestApp, type TestApp } from '../support/test-app';

// The document as a client team would use it: openapi-typescript turns the
// served document into types, a client written with openapi-fetch against
// them (client/flows.client.ts) must pass tsc --strict, and then run the main
// flows against the app for real.

const root = join(__dirname, '../../..');

describe('a client generated from the OpenAPI document', () => {
  let t: TestApp;
  let dir: string;
  let compiled = false;
  before(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'chatgrow-client-'));
    // The client resolves openapi-fetch and @types/node from the project.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('type-checks a client of the main flows under tsc --strict', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    // defaultNonNullable: false — a `default` is what the server assumes when a
    // field is absent, so it must not make the field required; openapi-typescript's
    // default (true) does so for request DTOs under components/schemas, which is
    // every Nest body (upstream openapi-typescript issues 1741, 1903, 2012).
    // Answers are unaffected: their schemas list `required`.
    writeFileSync(join(dir, 'schema.ts'), astToString(await openapiTS(doc, { defaultNonNullable: false })));
    copyFileSync(join(root, 'test/openapi-contract/client/flows.client.ts'), join(dir, 'flows.client.ts'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUnusedLocals: true,
          noEmitOnError: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'ES2022',
          lib: ['ES2023'],
          types: ['node'],
          // Only the libraries' declarations; schema.ts and the client are checked in full.
          skipLibCheck: true,
          outDir: 'out',
          rootDir: '.',
        },
        files: ['schema.ts', 'flows.client.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(tsc.status, 0, `tsc --strict on the generated types and the client:\n${tsc.stdout}${tsc.stderr}`);
    compiled = true;
  });

  it('runs that client through the main flows against the app', async () => {
    assert.ok(compiled, 'the client did not compile (see the test above)');
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Typed here by hand: importing the client's own types would pull it into the main build.
    const client = (await import(pathToFileURL(join(dir, 'out/flows.client.js')).href)) as {
      runFlows(baseUrl: string, email: string): Promise<Record<string, string | number>>;
    };
    const result = await client.runFlows(`http://127.0.0.1:${port}`, `client-${randomBytes(5).toString('hex')}@example.co.il`);
    for (const key of ['businessId', 'customerId', 'eventId', 'registrationId', 'calendarId', 'serviceId', 'appointmentId']) {
      assert.match(String(result[key]), /^[0-9a-f-]{36}$/, key);
    }
    assert.ok(Number(result.slotCount) > 0);
    assert.equal(result.appointmentStatus, 'confirmed');
    const booked = await t.http.get(`/api/appointments/${result.appointmentId}`).set('Authorization', `Bearer ${result.accessToken}`);
    assert.equal(booked.status, 200);
    assert.equal(booked.body.customerId, result.customerId);
    assert.equal(booked.body.calendarId, result.calendarId);
  });
});
