import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import type TestAgent from 'supertest/lib/agent';

export interface TestBusiness {
  businessId: string;
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** `Authorization` header for this owner. */
  auth: { Authorization: string };
}

export const TEST_PASSWORD = 'Sh4lom-Olam-2026';

/** Registers a provider over HTTP: a new business with its owner, logged in. */
export async function newBusiness(http: TestAgent, overrides: { name?: string; businessName?: string } = {}): Promise<TestBusiness> {
  const email = `owner-${randomBytes(5).toString('hex')}@example.co.il`;
  const res = await http
    .post('/api/auth/register')
    .send({ email, password: TEST_PASSWORD, name: overrides.name ?? 'דנה לוי', businessName: overrides.businessName ?? 'סטודיו דנה' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return {
    businessId: res.body.businessId,
    userId: res.body.user.id,
    email,
    password: TEST_PASSWORD,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
  };
}

/** Adds a member with `role` to the business and returns their logged-in headers. */
export async function newMember(
  http: TestAgent,
  owner: TestBusiness,
  role: 'admin' | 'staff' | 'owner',
): Promise<{ membershipId: string; userId: string; email: string; auth: { Authorization: string } }> {
  const email = `${role}-${randomBytes(5).toString('hex')}@example.co.il`;
  const invited = await http.post('/api/business/members').set(owner.auth).send({ email, role, name: 'יוסי כהן' });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const accepted = await http.post('/api/auth/accept-invite').send({ token: invited.body.inviteToken, password: TEST_PASSWORD });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  return {
    membershipId: invited.body.id,
    userId: invited.body.userId,
    email,
    auth: { Authorization: `Bearer ${accepted.body.accessToken}` },
  };
}

/** Asserts an RFC 9457 problem answer with the status, and returns its body. */
export function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
): Record<string, unknown> {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
  assert.equal(res.body.status, status);
  assert.equal(typeof res.body.title, 'string');
  assert.equal(typeof res.body.type, 'string');
  return res.body;
}

/** The field paths of a 400 validation problem. */
export function fieldsOf(body: Record<string, unknown>): string[] {
  return ((body.errors as { field: string }[] | undefined) ?? []).map((e) => e.field);
}
