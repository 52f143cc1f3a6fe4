import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the committed OpenAPI document', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('matches what the code generates (run `npm run openapi` after changing the API)', async () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../openapi.json'), 'utf8'));
    const generated = (await t.http.get('/docs-json')).body;
    assert.deepEqual(generated, committed);
  });

  it('documents every operation with a summary and a tag', async () => {
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { summary?: string; tags?: string[] }>> };
    const undocumented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !op.summary || !op.tags?.length)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    assert.deepEqual(undocumented, []);
  });

  it('documents problem answers: 404 on every route that names a record, 401 on every authenticated route', async () => {
    type Op = { parameters?: { in: string }[]; security?: unknown[]; responses: Record<string, unknown> };
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, Op>> };
    const missing = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => [
        ...((op.parameters ?? []).some((p) => p.in === 'path') && !op.responses['404'] ? [`404 ${method} ${path}`] : []),
        ...(op.security?.length && !op.responses['401'] ? [`401 ${method} ${path}`] : []),
      ]),
    );
    assert.deepEqual(missing, []);
  });
});
