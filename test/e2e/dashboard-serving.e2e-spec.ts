import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DASHBOARD_BUILD, ensureDashboardBuilt } from '../support/dashboard';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the dashboard served by the app', () => {
  let t: TestApp;
  let script: string;

  before(async () => {
    ensureDashboardBuilt();
    // The entry script (chunks loaded on demand, like the charts', are not in the page).
    script = readdirSync(join(DASHBOARD_BUILD, 'assets')).find((f) => /^index-.*\.js$/.test(f))!;
    t = await startTestApp();
  });
  after(() => t.close());

  it('/dashboard answers the page, right to left in Hebrew, revalidated on every load, under its CSP', async () => {
    const res = await t.http.get('/dashboard').expect(200);
    assert.match(res.headers['content-type'], /^text\/html/);
    assert.match(res.text, /<html dir="rtl" lang="he">/);
    assert.match(res.text, new RegExp(`/dashboard/assets/${script}`));
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(res.headers['content-security-policy'], /script-src 'self'/);
    assert.match(res.headers['content-security-policy'], /frame-ancestors 'none'/);
  });

  it('client-side routes answer the same page', async () => {
    const home = (await t.http.get('/dashboard').expect(200)).text;
    for (const path of [
      '/dashboard/',
      '/dashboard/customers',
      '/dashboard/settings',
      '/dashboard/login?next=%2Fdashboard',
      '/dashboard/no/such/page',
    ]) {
      const res = await t.http.get(path).expect(200);
      assert.equal(res.text, home, path);
      assert.equal(res.headers['cache-control'], 'no-cache', path);
    }
  });

  it('hashed assets are cached for a year as immutable; a missing one is a 404, never the page', async () => {
    const res = await t.http.get(`/dashboard/assets/${script}`).expect(200);
    assert.match(res.headers['content-type'], /javascript/);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    const missing = await t.http.get('/dashboard/assets/index-00000000.js');
    assert.equal(missing.status, 404);
    assert.match(missing.headers['content-type'], /^text\/plain/);
    assert.doesNotMatch(missing.text, /<html/);
  });

  it('/provider/dashboard redirects (302) to /dashboard', async () => {
    const res = await t.http.get('/provider/dashboard').expect(302);
    assert.equal(res.headers.location, '/dashboard');
    const deeper = await t.http.get('/provider/dashboard/customers').expect(302);
    assert.equal(deeper.headers.location, '/dashboard/customers');
  });

  it('is no API operation: the OpenAPI document has no dashboard path, and /api/dashboard is not it', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    assert.deepEqual(
      Object.keys(doc.paths).filter((p) => /dashboard/.test(p)),
      [],
    );
    const api = await t.http.get('/api/dashboard');
    assert.equal(api.status, 404);
    assert.match(api.headers['content-type'], /application\/problem\+json/);
  });

  it('writes to /dashboard are not pages', async () => {
    const res = await t.http.post('/dashboard/customers').send({});
    assert.equal(res.status, 404);
  });
});
