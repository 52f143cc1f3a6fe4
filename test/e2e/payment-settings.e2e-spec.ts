import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { expectProblem, fieldsOf, newBusiness, newMember, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const CARDCOM = { terminalNumber: '88124821', apiName: 'dana-api-user', apiPassword: `Pw-${randomBytes(12).toString('hex')}` };
const TRANZILA = {
  terminalName: 'danastudio',
  appKey: `ak-${randomBytes(12).toString('hex')}`,
  secret: `sk-${randomBytes(12).toString('hex')}`,
};
const SECRETS = [CARDCOM.apiPassword, CARDCOM.apiName, TRANZILA.appKey, TRANZILA.secret];

/** PUT/GET /api/business/payment-settings over HTTP, with real log files to search for the credentials. */
describe('payment settings', () => {
  let t: TestApp;
  let owner: TestBusiness;
  const encryptionKey = randomBytes(32).toString('base64');

  before(async () => {
    t = await startTestApp({ LOG_LEVEL: 'debug', ENCRYPTION_KEY: encryptionKey, PUBLIC_URL: 'https://pay.example.co.il' }, { logs: true });
    owner = await newBusiness(t.http);
  });
  after(() => t?.close());

  it('a business with no settings has PAYMENT_PROVIDER (sandbox), configured, and a webhook URL with a secret token', async () => {
    const res = await t.http.get('/api/business/payment-settings').set(owner.auth).expect(200);
    assert.equal(res.body.provider, 'sandbox');
    assert.equal(res.body.source, 'default');
    assert.equal(res.body.configured, true);
    assert.equal(res.body.credentialsLast4, null);
    assert.match(res.body.webhookUrl, /^https:\/\/pay\.example\.co\.il\/api\/webhooks\/payments\/sandbox\/[A-Za-z0-9_-]{43}$/);
    const again = await t.http.get('/api/business/payment-settings').set(owner.auth).expect(200);
    assert.equal(again.body.webhookUrl, res.body.webhookUrl, 'the token is kept');
    const other = await newBusiness(t.http);
    const theirs = await t.http.get('/api/business/payment-settings').set(other.auth).expect(200);
    assert.notEqual(theirs.body.webhookUrl, res.body.webhookUrl);
  });

  it('stores credentials encrypted and shows only the provider, "configured" and the last 4 characters of the account', async () => {
    const put = await t.http
      .put('/api/business/payment-settings')
      .set(owner.auth)
      .send({ provider: 'cardcom', credentials: CARDCOM })
      .expect(200);
    // The test's Cardcom address refuses connections: the credentials are saved, marked unchecked.
    assert.deepEqual(
      { ...put.body, webhookUrl: undefined },
      {
        provider: 'cardcom',
        source: 'business',
        configured: true,
        credentialsLast4: '4821',
        credentialsCheckedAt: null,
        maxInstallments: 1,
        webhookUrl: undefined,
      },
    );
    assert.match(put.body.webhookUrl, /\/api\/webhooks\/payments\/cardcom\//);
    const get = await t.http.get('/api/business/payment-settings').set(owner.auth).expect(200);
    assert.deepEqual(get.body, put.body);

    const [row] = await t.app.get(DataSource).query(`SELECT * FROM payment_settings WHERE business_id = $1`, [owner.businessId]);
    const stored = JSON.stringify(row);
    for (const s of SECRETS) assert.ok(!stored.includes(s), 'no credential in the clear in the database');
    assert.match(row.credentials, /^k1\.[0-9a-f]{8}\.v1\./);
    assert.ok(!stored.includes(get.body.webhookUrl.split('/').pop()), 'nor the webhook token');
  });

  it('after a restart (same ENCRYPTION_KEY) the credentials still open', async () => {
    t = await t.restart();
    const res = await t.http.get('/api/business/payment-settings').set(owner.auth).expect(200);
    assert.equal(res.body.configured, true);
    assert.equal(res.body.credentialsLast4, '4821');
  });

  it('refuses credentials that do not fit the provider, naming each field and changing nothing', async () => {
    const bad = await t.http
      .put('/api/business/payment-settings')
      .set(owner.auth)
      .send({ provider: 'tranzila', credentials: { terminalName: 'bad name!', appKey: TRANZILA.appKey, extra: 'x' } });
    const problem = expectProblem(bad, 400);
    assert.deepEqual(fieldsOf(problem).sort(), ['credentials.extra', 'credentials.secret', 'credentials.terminalName']);
    assert.ok(!JSON.stringify(problem).includes(TRANZILA.appKey), 'the answer never repeats a value');
    expectProblem(await t.http.put('/api/business/payment-settings').set(owner.auth).send({ provider: 'paypal' }), 400);
    expectProblem(await t.http.put('/api/business/payment-settings').set(owner.auth).send({ provider: 'cardcom' }), 400);
    expectProblem(
      await t.http
        .put('/api/business/payment-settings')
        .set(owner.auth)
        .send({ provider: 'sandbox', credentials: { apiName: 'x' } }),
      400,
    );
    const get = await t.http.get('/api/business/payment-settings').set(owner.auth).expect(200);
    assert.equal(get.body.provider, 'cardcom');
    assert.equal(get.body.credentialsLast4, '4821');
  });

  it('lets only the owner change them; admins read them, staff neither', async () => {
    const admin = await newMember(t.http, owner, 'admin');
    const staff = await newMember(t.http, owner, 'staff');
    expectProblem(await t.http.put('/api/business/payment-settings').set(admin.auth).send({ provider: 'sandbox' }), 403);
    expectProblem(await t.http.post('/api/business/payment-settings/webhook-token').set(admin.auth), 403);
    assert.equal((await t.http.get('/api/business/payment-settings').set(admin.auth).expect(200)).body.provider, 'cardcom');
    expectProblem(await t.http.get('/api/business/payment-settings').set(staff.auth), 403);
    expectProblem(await t.http.get('/api/business/payment-settings'), 401);
  });

  it('rotates the webhook token; switching provider replaces the credentials', async () => {
    const before = (await t.http.get('/api/business/payment-settings').set(owner.auth)).body.webhookUrl;
    const rotated = await t.http.post('/api/business/payment-settings/webhook-token').set(owner.auth).expect(200);
    assert.notEqual(rotated.body.webhookUrl, before);
    assert.equal((await t.http.get('/api/business/payment-settings').set(owner.auth)).body.webhookUrl, rotated.body.webhookUrl);

    const tz = await t.http
      .put('/api/business/payment-settings')
      .set(owner.auth)
      .send({ provider: 'tranzila', credentials: TRANZILA })
      .expect(200);
    assert.equal(tz.body.credentialsLast4, 'udio');
    const sandbox = await t.http.put('/api/business/payment-settings').set(owner.auth).send({ provider: 'sandbox' }).expect(200);
    assert.deepEqual(
      { ...sandbox.body, webhookUrl: undefined },
      {
        provider: 'sandbox',
        source: 'business',
        configured: true,
        credentialsLast4: null,
        credentialsCheckedAt: null,
        maxInstallments: 1,
        webhookUrl: undefined,
      },
    );
    const [row] = await t.app.get(DataSource).query(`SELECT credentials FROM payment_settings WHERE business_id = $1`, [owner.businessId]);
    assert.equal(row.credentials, null);
  });

  it('never writes a credential to a log file', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const dir = join(t.dataDir, 'logs');
    const text = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    assert.ok(text.length > 0, 'the logs were written');
    for (const s of SECRETS) assert.ok(!text.includes(s), 'a credential in the logs');
  });
});
