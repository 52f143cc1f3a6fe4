import express from 'express';
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Pool } from 'pg';

/**
 * The floor of `npm run bench:http`: a bare Express + pg server doing exactly
 * the app's work for each measured route (HS256 verify with the secret as a
 * KeyObject, the same membership lookup, the same list queries, the same JSON)
 * and nothing more. Run as its own process: `node dist/bench/http-bare.js`.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 /* the app's pool size */ });
const jwt = new JwtService({ secret: createSecretKey(Buffer.from(process.env.JWT_SECRET ?? '', 'utf8')) as unknown as string });

interface Member {
  userId: string;
  businessId: string;
  role: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  emailVerified: boolean;
}

async function member(authorization: string | undefined): Promise<Member | null> {
  try {
    const claims = await jwt.verifyAsync<{ sub: string; bid: string }>((authorization ?? '').slice(7), { algorithms: ['HS256'] });
    const { rows } = await pool.query(
      `SELECT m.id, m.role, u.id AS user_id, u.name, u.email, u.is_platform_admin, u.email_verified_at IS NOT NULL AS email_verified
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.business_id = $1 AND m.user_id = $2 AND m.status = $3`,
      [claims.bid, claims.sub, 'active'],
    );
    const r = rows[0];
    return r
      ? {
          userId: r.user_id,
          businessId: claims.bid,
          role: r.role,
          name: r.name,
          email: r.email,
          isPlatformAdmin: r.is_platform_admin,
          emailVerified: r.email_verified,
        }
      : null;
  } catch {
    return null;
  }
}

const app = express();
// As the app: API answers are no-store and carry no ETag.
app.set('etag', false);
app.use((_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
});
app.get('/api/auth/me', async (req, res) => {
  const m = await member(req.headers.authorization);
  if (!m) return void res.status(401).end();
  res.json({
    kind: 'user',
    id: m.userId,
    name: m.name,
    email: m.email,
    businessId: m.businessId,
    role: m.role,
    isPlatformAdmin: m.isPlatformAdmin,
    emailVerified: m.emailVerified,
  });
});

const LIST = `SELECT id, first_name, last_name, email, phone, tags, notes, address, birthday::text AS birthday, source, language,
       email_consent, email_consent_at, email_consent_source, sms_consent, sms_consent_at, sms_consent_source,
       custom_fields, archived_at, total_spend_agorot, visit_count, last_activity_at, created_at, updated_at
  FROM customers WHERE business_id = $1 AND archived_at IS NULL
 ORDER BY created_at DESC NULLS LAST, id ASC LIMIT $2 OFFSET $3`;
const COUNT = `SELECT count(*)::int AS total FROM customers WHERE business_id = $1 AND archived_at IS NULL`;

app.get('/api/customers', async (req, res) => {
  const m = await member(req.headers.authorization);
  if (!m) return void res.status(401).end();
  const limit = Math.min(Number(req.query.limit ?? 20) || 20, 100);
  const page = Math.max(Number(req.query.page ?? 1) || 1, 1);
  const [list, count] = await Promise.all([
    pool.query(LIST, [m.businessId, limit, (page - 1) * limit]),
    req.query.total === 'false' ? null : pool.query(COUNT, [m.businessId]),
  ]);
  res.json({
    data: list.rows.map((c) => ({
      id: c.id,
      firstName: c.first_name,
      lastName: c.last_name,
      email: c.email,
      phone: c.phone,
      tags: c.tags,
      notes: c.notes,
      address: c.address,
      birthday: c.birthday,
      source: c.source,
      language: c.language,
      marketingConsent: {
        email: { granted: c.email_consent, at: c.email_consent_at, source: c.email_consent_source },
        sms: { granted: c.sms_consent, at: c.sms_consent_at, source: c.sms_consent_source },
      },
      customFields: c.custom_fields,
      archived: c.archived_at !== null,
      archivedAt: c.archived_at,
      totalSpendAgorot: Number(c.total_spend_agorot),
      currency: 'ILS',
      visitCount: c.visit_count,
      lastActivityAt: c.last_activity_at,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    })),
    meta: { page, limit, total: count ? count.rows[0].total : null },
  });
});

const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
