import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JwtService } from '@nestjs/jwt';
import { expectProblem, fieldsOf, newBusiness, TEST_PASSWORD } from '../support/factories';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';

describe('auth', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('registers, logs in, reads me, rotates refresh tokens, detects reuse and logs out', async () => {
    const owner = await newBusiness(t.http);
    const login = await t.http.post('/api/auth/login').send({ email: owner.email.toUpperCase() + '  ', password: TEST_PASSWORD });
    assert.equal(login.status, 200);
    assert.equal(login.body.businessId, owner.businessId);

    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`);
    assert.equal(me.status, 200);
    assert.deepEqual(
      { kind: me.body.kind, id: me.body.id, role: me.body.role, businessId: me.body.businessId },
      { kind: 'user', id: owner.userId, role: 'owner', businessId: owner.businessId },
    );

    const first = await t.http.post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken });
    assert.equal(first.status, 200);
    assert.notEqual(first.body.refreshToken, login.body.refreshToken);

    const reused = await t.http.post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken });
    assert.equal(expectProblem(reused, 401).code, 'auth.refresh_reused');
    // Reuse revoked the whole family: the token issued by the first refresh is dead too.
    const afterReuse = await t.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken });
    expectProblem(afterReuse, 401);

    // The registration session is another family and still works; logout ends it.
    const logout = await t.http.post('/api/auth/logout').send({ refreshToken: owner.refreshToken });
    assert.equal(logout.status, 204);
    expectProblem(await t.http.post('/api/auth/refresh').send({ refreshToken: owner.refreshToken }), 401);
  });

  it('answers one generic message for a wrong password and an unknown email', async () => {
    const owner = await newBusiness(t.http);
    const wrong = expectProblem(await t.http.post('/api/auth/login').send({ email: owner.email, password: 'not-the-password-1' }), 401);
    const unknown = expectProblem(
      await t.http.post('/api/auth/login').send({ email: 'nobody@example.co.il', password: 'not-the-password-1' }),
      401,
    );
    assert.equal(wrong.detail, unknown.detail);
    assert.equal(wrong.code, 'auth.invalid_credentials');
  });

  it('refuses a duplicate email with 409 and a weak password with a field error', async () => {
    const owner = await newBusiness(t.http);
    const dup = await t.http.post('/api/auth/register').send({ email: owner.email, password: TEST_PASSWORD, name: 'x', businessName: 'y' });
    assert.equal(expectProblem(dup, 409).code, 'auth.email_taken');
    const weak = await t.http
      .post('/api/auth/register')
      .send({ email: 'weak@example.co.il', password: 'short', name: 'x', businessName: 'y' });
    assert.deepEqual([...new Set(fieldsOf(expectProblem(weak, 400)))], ['password']);
  });

  it('rejects tampered, expired and wrong-secret JWTs', async () => {
    const owner = await newBusiness(t.http);
    const [h, p, s] = owner.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url')}.${s}`;
    const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign({
      sub: claims.sub,
      bid: claims.bid,
      typ: 'access',
      exp: Math.floor(Date.now() / 1000) - 10,
    });
    const wrongSecret = new JwtService({ secret: 'another-secret-that-is-long-enough-0123456789' }).sign({
      sub: claims.sub,
      bid: claims.bid,
      typ: 'access',
    });
    for (const token of [tampered, expired, wrongSecret, 'not-a-jwt']) {
      expectProblem(await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`), 401);
    }
    expectProblem(await t.http.get('/api/auth/me'), 401);
  });
});
