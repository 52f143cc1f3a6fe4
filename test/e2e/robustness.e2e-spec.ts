// Robustness ("no 5xx from any input"): every operation of the live OpenAPI
// document (/docs-json), so routes added later are covered without new test
// code, gets hostile input — wrong types, null, 3,000-level nesting, 100 KB
// strings, lone surrogates, NUL, SQL-ish text, prototype-pollution keys,
// unknown keys, undocumented media types, bad path segments and query values —
// as the owner, and a sample anonymously, with path parameters naming real
// records. Every answer must be below 500; every 4xx an RFC 9457 problem; input
// the document rules out a 4xx, an undocumented media type 415. Failures are
// listed per operation, with the exception the server logged for each.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { newBusiness, type TestBusiness } from '../support/factories';
import { listOperations, type OpenApiDocument, type Operation } from '../support/openapi-operations';
import { RawHttp } from '../support/raw-http';
import { Records } from '../support/robustness-records';
import { describeFailures, summarize } from '../support/robustness-report';
import { mapLimit, operationName, phaseOf, runOperation, type OperationResult } from '../support/robustness-run';
import { ServerErrorLog } from '../support/server-errors';
import { startTestApp, type TestApp } from '../support/test-app';

/** Operations worked on at once; each sends its variants one after the other. */
const CONCURRENCY = 8;

describe('robustness: hostile input to every documented operation', () => {
  let t: TestApp;
  let http: RawHttp;
  let owner: TestBusiness;
  let operations: Operation[];
  const serverErrors = new ServerErrorLog();
  const results = new Map<string, OperationResult>();
  const logOf = (requestId: string) => serverErrors.forRequest(requestId);

  before(async () => {
    t = await startTestApp();
    t.app.useLogger(serverErrors);
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    http = new RawHttp((server.address() as AddressInfo).port);

    const doc = (await t.http.get('/docs-json')).body as OpenApiDocument;
    operations = listOperations(doc).sort((a, b) => phaseOf(a) - phaseOf(b));

    // Reads share one business; its owner is also a platform administrator so
    // admin-only routes (/api/logs) validate their input instead of answering 403.
    owner = await newBusiness(t.http);
    await t.app.get(DataSource).query('UPDATE users SET is_platform_admin = true WHERE id = $1', [owner.userId]);
    const shared = new Records(t.http, t.app, owner);
    // Each writing operation gets a business of its own, so what one changes
    // or deletes never changes what another one sees.
    const recordsFor = async (op: Operation) => (phaseOf(op) === 0 ? shared : new Records(t.http, t.app, await newBusiness(t.http)));

    for (const phase of [0, 1, 2]) {
      const batch = operations.filter((op) => phaseOf(op) === phase);
      const done = await mapLimit(batch, CONCURRENCY, async (op) => runOperation(op, await recordsFor(op), http, String(phase)));
      for (const r of done) results.set(r.operation, r);
    }
  });

  after(async () => {
    http?.close();
    await t?.close();
  });

  it('answers every operation below 500, with problem+json 4xx where the input is wrong', async (tc) => {
    assert.ok(operations.length > 50, `the document lists ${operations.length} operations`);
    const all = [...results.values()];
    const failing = all.filter((r) => r.failures.length);
    const sent = all.reduce((n, r) => n + r.sent, 0);
    const failed = failing.reduce((n, r) => n + r.failures.length, 0);
    tc.diagnostic(`${sent} requests to ${all.length} operations; ${failed} wrong answers on ${failing.length} operations`);
    const refused = all.filter((r) => r.baselineRefused).map((r) => `  ${r.operation}: ${r.baselineRefused}`);
    if (refused.length) tc.diagnostic(`valid requests not answered 2xx (state after the variants, or setup):\n${refused.join('\n')}`);
    if (failed) tc.diagnostic(`wrong answers by cause:\n${summarize(all, logOf)}`);
    if (serverErrors.unattributed.length) tc.diagnostic(`server errors outside requests:\n${serverErrors.unattributed.join('\n')}`);
    if (process.env.ROBUSTNESS_REPORT) {
      const report = all.map((r) => ({ ...r, failures: r.failures.map((f) => ({ ...f, server: logOf(f.requestId) })) }));
      writeFileSync(process.env.ROBUSTNESS_REPORT, JSON.stringify(report, null, 2));
    }
    for (const op of operations) {
      await tc.test(operationName(op), () => {
        const result = results.get(operationName(op));
        assert.ok(result, 'the operation was not exercised');
        assert.ok(result.failures.length === 0, describeFailures(result, logOf));
      });
    }
  });

  it('leaves Object.prototype unpolluted', () => {
    const probe = {} as Record<string, unknown>;
    assert.equal(probe.admin, undefined);
    assert.equal(probe.x, undefined);
  });

  it('is still healthy afterwards: ready, and a normal request works', async () => {
    const ready = await t.http.get('/health/ready');
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    const me = await t.http.get('/api/auth/me').set(owner.auth);
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.id, owner.userId);
    const created = await t.http.post('/api/customers').set(owner.auth).send({ firstName: 'דנה', phone: '+972529876543' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });
});
