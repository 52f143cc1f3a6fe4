import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type TestAgent from 'supertest/lib/agent';
import { SubscriberChannel } from '../../src/modules/subscribers/entities/subscriber.entity';
import { SubscriptionLinks, TokenPurpose } from '../../src/modules/subscribers/subscription-links.service';
import { newMember, TEST_PASSWORD, type TestBusiness } from './factories';
import type { Schema } from './openapi-operations';
import { localDate, localTime, newBookable } from './scheduling';

type Maker = (r: Records) => Promise<string>;

/**
 * Real records of one business, each made over the API the first time it is
 * asked for: what path parameters and body ids point at. Also hands out fresh
 * unique values (email, phone, a free slot) so a valid-looking body does not
 * collide with the one before it.
 */
export class Records {
  private readonly made = new Map<string, Promise<string>>();
  private counter = 0;
  private slot = 0;

  constructor(
    private readonly http: TestAgent,
    private readonly app: NestExpressApplication,
    readonly owner: TestBusiness,
  ) {}

  private once(key: string, make: () => Promise<string>): Promise<string> {
    if (!this.made.has(key)) this.made.set(key, make());
    return this.made.get(key)!;
  }

  private async create(path: string, body: unknown, status = 201): Promise<Record<string, unknown>> {
    const res = await this.http
      .post(path)
      .set(this.owner.auth)
      .send(body as object);
    assert.equal(res.status, status, `setup ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  email(): string {
    return `rb-${++this.counter}-${randomBytes(4).toString('hex')}@example.co.il`;
  }

  phone(): string {
    return `+97252${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
  }

  /** A start time no earlier request of this business took: 30-minute steps, 09:00–16:30, from 2 days ahead. */
  freeSlot(): string {
    const n = this.slot++;
    const minutes = 9 * 60 + (n % 16) * 30;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return localTime(2 + Math.floor(n / 16), time);
  }

  slug = () => this.once('slug', async () => (await this.http.get('/api/business').set(this.owner.auth)).body.slug);
  memberId = () => this.once('member', async () => (await newMember(this.http, this.owner, 'staff')).membershipId);
  apiKeyId = () => this.once('apiKey', async () => String((await this.create('/api/api-keys', { name: 'אתר', role: 'staff' })).id));
  customerId = () =>
    this.once('customer', async () =>
      String((await this.create('/api/customers', { firstName: 'יוסי', phone: this.phone(), email: this.email() })).id),
    );
  private bookable = () => this.once('bookable', async () => JSON.stringify(await newBookable(this.http, this.owner)));
  serviceId = async () => JSON.parse(await this.bookable()).serviceId as string;
  calendarId = async () => JSON.parse(await this.bookable()).calendarId as string;
  appointmentId = () =>
    this.once('appointment', async () => {
      const body = { serviceId: await this.serviceId(), calendarId: await this.calendarId(), startsAt: this.freeSlot() };
      return String((await this.create('/api/appointments', { ...body, customerId: await this.customerId() })).id);
    });
  selfServiceToken = () =>
    this.once('selfService', async () => {
      const booked = await this.create(`/api/public/${await this.slug()}/appointments`, {
        serviceId: await this.serviceId(),
        startsAt: this.freeSlot(),
        customer: { firstName: 'נועה', phone: this.phone() },
      });
      return String((booked.selfService as { token: string }).token);
    });
  private subscriber = () =>
    this.once('subscriber', async () => {
      const email = this.email();
      const s = await this.create('/api/subscribers', { email, phone: this.phone(), emailStatus: 'pending' });
      return JSON.stringify({ id: s.id, email });
    });
  subscriberId = async () => JSON.parse(await this.subscriber()).id as string;
  private subscriptionToken = async (purpose: TokenPurpose) => {
    const { id, email } = JSON.parse(await this.subscriber());
    const claims = { purpose, channel: SubscriberChannel.email, businessId: this.owner.businessId, subscriberId: id };
    const expiresAt = purpose === TokenPurpose.confirm ? Math.floor(Date.now() / 1000) + 86_400 : 0;
    return this.app.get(SubscriptionLinks, { strict: false }).sign({ ...claims, expiresAt }, email);
  };
  confirmToken = () => this.once('confirm', () => this.subscriptionToken(TokenPurpose.confirm));
  unsubscribeToken = () => this.once('unsubscribe', () => this.subscriptionToken(TokenPurpose.unsubscribe));
  eventId = () =>
    this.once('event', async () => {
      const startsAt = localTime(30, '18:00');
      const endsAt = localTime(30, '21:00');
      return String((await this.create('/api/events', { title: 'סדנת קרמיקה', startsAt, endsAt, status: 'published' })).id);
    });
  registrationId = () =>
    this.once('registration', async () =>
      String((await this.create(`/api/events/${await this.eventId()}/registrations`, { customerId: await this.customerId() })).id),
    );
  importJobId = () =>
    this.once('import', async () => {
      const csv = Buffer.from(`firstName,phone\nדנה,${this.phone()}\n`, 'utf8');
      const res = await this.http
        .post('/api/customers/import')
        .set(this.owner.auth)
        .attach('file', csv, { filename: 'customers.csv', contentType: 'text/csv' });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      return String(res.body.jobId);
    });
  feedToken = () =>
    this.once('feed', async () => String((await this.create(`/api/calendars/${await this.calendarId()}/feed-token`, {})).token));
  /** A tax invoice (the business gets a tax id first: documents print it). */
  invoiceId = () =>
    this.once('invoice', async () => {
      const settings = await this.http.patch('/api/invoices/settings').set(this.owner.auth).send({ taxId: '515555555' });
      assert.equal(settings.status, 200, JSON.stringify(settings.body));
      const body = { customerId: await this.customerId(), lines: [{ description: 'ייעוץ', quantity: 1, unitPriceAgorot: 10_000 }] };
      return String((await this.create('/api/invoices', body)).id);
    });
  paymentId = () =>
    this.once('payment', async () =>
      String((await this.create('/api/payments', { customerId: await this.customerId(), amount: 12_000, description: 'שיעור' })).id),
    );
  activityId = () =>
    this.once('activity', async () => {
      await this.customerId();
      for (let i = 0; i < 100; i++) {
        const res = await this.http.get('/api/activity').set(this.owner.auth);
        if (res.body.data?.length) return String(res.body.data[0].id);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('setup: no activity entry appeared');
    });
}

/** `<literal segment before it>/{name}` → the record a path parameter names. */
const PATH_RECORDS: Record<string, Maker> = {
  'members/{id}': (r) => r.memberId(),
  'api-keys/{id}': (r) => r.apiKeyId(),
  'customers/{id}': (r) => r.customerId(),
  'import/{jobId}': (r) => r.importJobId(),
  'services/{id}': (r) => r.serviceId(),
  'calendars/{id}': (r) => r.calendarId(),
  'appointments/{id}': (r) => r.appointmentId(),
  'appointments/{token}': (r) => r.selfServiceToken(),
  'subscribers/{id}': (r) => r.subscriberId(),
  'confirm/{token}': (r) => r.confirmToken(),
  'unsubscribe/{token}': (r) => r.unsubscribeToken(),
  'events/{id}': (r) => r.eventId(),
  'registrations/{registrationId}': (r) => r.registrationId(),
  'activity/{id}': (r) => r.activityId(),
  'invoices/{id}': (r) => r.invoiceId(),
  'payments/{id}': (r) => r.paymentId(),
};

/** Parameter and property names that name a record wherever they appear. */
const NAMED_RECORDS: Record<string, Maker> = {
  businessSlug: (r) => r.slug(),
  customerId: (r) => r.customerId(),
  serviceId: (r) => r.serviceId(),
  calendarId: (r) => r.calendarId(),
  memberId: (r) => r.memberId(),
  eventId: (r) => r.eventId(),
  registrationId: (r) => r.registrationId(),
  jobId: (r) => r.importJobId(),
};

/** A real value for path parameter `name` of `path`: a record, the first value of an enum, or a made-up one. */
export async function pathParamValue(r: Records, path: string, name: string, schema?: Schema): Promise<string> {
  const before = new RegExp(`([^/{}]+)/\\{${name}\\}`).exec(path)?.[1];
  const maker = (before && PATH_RECORDS[`${before}/{${name}}`]) || NAMED_RECORDS[name];
  if (maker) return maker(r);
  const value = schema?.enum?.find((v) => typeof v === 'string');
  if (typeof value === 'string') return value;
  return /id$/i.test(name) ? randomUUID() : 'robustness-probe';
}

/** A valid value for a query parameter that must be present, by name; undefined when the name says nothing. */
export async function queryValueByName(r: Records, name: string): Promise<string | undefined> {
  if (NAMED_RECORDS[name]) return NAMED_RECORDS[name](r);
  if (name === 'from') return localDate(1);
  if (name === 'to') return localDate(7);
  if (name === 'token') return r.feedToken();
  return undefined;
}

/** A valid value for a body property, by name; undefined when the schema's example should do. */
export async function propertyValueByName(r: Records, name: string, schema: Schema): Promise<unknown> {
  const value = await valueByName(r, name);
  // A name can mean something else in another schema: only a value the schema allows.
  return schema.enum && !schema.enum.includes(value) ? undefined : value;
}

async function valueByName(r: Records, name: string): Promise<unknown> {
  if (NAMED_RECORDS[name] && name !== 'businessSlug') return NAMED_RECORDS[name](r);
  switch (name) {
    case 'calendarIds':
      return [await r.calendarId()];
    case 'email':
      return r.email();
    case 'phone':
      return r.phone();
    case 'password':
      return TEST_PASSWORD;
    case 'startsAt':
      return r.freeSlot();
    case 'date':
      return localDate(10);
    case 'kind':
      // A resource calendar can be made any number of times; a member has one.
      return 'resource';
    default:
      return undefined;
  }
}

/**
 * Optional body properties a valid-looking body still carries: record ids,
 * a unique contact, a free start time, a new customer's details (rather than
 * an existing customer's id, which could be registered or booked only once).
 */
export const NAMED_PROPERTIES = new Set([
  'serviceId',
  'calendarId',
  'calendarIds',
  'email',
  'phone',
  'startsAt',
  'firstName',
  'name',
  'customer',
]);
