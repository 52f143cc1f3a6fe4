// WhatsApp over HTTP, with Meta's Graph API faked at the wire (test/support/whatsapp-fake.ts,
// which checks the documented request shapes and the Bearer token): a business connects its
// number (token sealed, shown as last 4), syncs its approved templates across pages, maps a
// template key to one; a templated message goes as that template with its parameters, free
// text only within 24 hours of the person's last message (422 naming the rule otherwise);
// Meta's webhook: the verify-token handshake, signed / forged / unsigned notifications,
// statuses in and out of order, inbound messages on the timeline, and STOP / הסר.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectProblem as problemOf, newBusiness, newMember, type TestBusiness } from '../support/factories';
import { waitForMessage, type MessageView } from '../support/messages';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWhatsAppFake, type WhatsAppFake } from '../support/whatsapp-fake';

const VERSION = 'v21.0';
const PHONE_NUMBER_ID = '106540352242922';
const WABA_ID = '102290129340398';
const TOKEN = 'EAAGtestTokenForChatGrow0123456789abcdefXYZ9';
const APP_SECRET = 'meta-app-secret-for-tests-0123456789';
const VERIFY_TOKEN = 'chatgrow-verify-token-42';
const PUBLIC_URL = 'https://app.chatgrow.example.co.il';

const sign = (body: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const digits = (e164: string) => e164.replace(/^\+/, '');
let seq = 0;

/** A problem+json answer with this status and, when given, this code. */
function expectProblem(res: Parameters<typeof problemOf>[0], status: number, code?: string): Record<string, unknown> {
  const body = problemOf(res, status);
  if (code) assert.equal(body.code, code, JSON.stringify(body));
  return body;
}

type Extra = MessageView & { deliveredAt: string | null; readAt: string | null; whatsappTemplate: unknown };

describe('whatsapp', () => {
  let t: TestApp;
  let wa: WhatsAppFake;
  let owner: TestBusiness;
  let other: TestBusiness;

  before(async () => {
    wa = await startWhatsAppFake({
      version: VERSION,
      phoneNumberId: PHONE_NUMBER_ID,
      businessAccountId: WABA_ID,
      accessToken: TOKEN,
      templates: [
        { name: 'appointment_reminder', language: 'he', status: 'APPROVED', category: 'UTILITY', body: 'שלום {{1}}, תזכורת מ-{{2}}' },
        { name: 'promo_draft', language: 'he', status: 'PENDING', category: 'MARKETING', body: 'מבצע {{1}}' },
        { name: 'welcome', language: 'en_US', status: 'APPROVED', category: 'MARKETING', body: 'Welcome to {{1}}!' },
        { name: 'hello_world', language: 'en_US', status: 'APPROVED', category: 'UTILITY', body: 'Hello World' },
        { name: 'old_offer', language: 'he', status: 'REJECTED', category: 'MARKETING', body: 'x' },
      ],
    });
    t = await startTestApp({
      PUBLIC_URL,
      WHATSAPP_GRAPH_URL: wa.url,
      WHATSAPP_API_VERSION: VERSION,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      MESSAGE_RETRY_DELAY_MS: '50',
    });
    owner = await newBusiness(t.http);
    other = await newBusiness(t.http);
  });
  after(async () => {
    await t?.close();
    await wa?.close();
    assert.deepEqual(wa?.violations ?? [], [], 'requests broke the documented Graph API shapes');
  });

  const newPhone = () => `+97250${String(1_000_000 + ++seq * 7919).slice(-7)}`;

  async function customer(phone: string, smsConsent = false, as = owner): Promise<string> {
    const res = await t.http
      .post('/api/customers')
      .set(as.auth)
      .send({ firstName: 'דנה', lastName: 'כהן', phone, marketingConsent: { sms: { granted: smsConsent } } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }

  const send = (body: Record<string, unknown>, as = owner) =>
    t.http
      .post('/api/notifications/send')
      .set(as.auth)
      .send({ channel: 'whatsapp', kind: 'transactional', ...body });

  const message = async (id: string): Promise<Extra> => (await t.http.get(`/api/notifications/history/${id}`).set(owner.auth)).body;

  /** Posts a notification as Meta does: JSON, signed with the app secret (or the given header, or none). */
  const notify = (payload: unknown, signature?: string | null) => {
    const body = JSON.stringify(payload);
    const req = t.http.post('/api/webhooks/whatsapp').set('Content-Type', 'application/json');
    if (signature !== null) req.set('X-Hub-Signature-256', signature ?? sign(body));
    return req.send(body);
  };

  const envelope = (value: Record<string, unknown>, phoneNumberId = PHONE_NUMBER_ID) => ({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA_ID,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '972525550101', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });

  const statusOf = (m: { providerMessageId: string | null; to: string }, status: string, at = Math.floor(Date.now() / 1000)) =>
    envelope({ statuses: [{ id: m.providerMessageId, status, timestamp: String(at), recipient_id: digits(m.to) }] });

  const inbound = (phone: string, body: string, id = `wamid.in${++seq}`) =>
    envelope({
      contacts: [{ profile: { name: 'דנה' }, wa_id: digits(phone) }],
      messages: [{ from: digits(phone), id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body } }],
    });

  // --- settings -----------------------------------------------------------------

  it('has WhatsApp off until the owner connects a number; sending on it is refused with 422', async () => {
    const got = await t.http.get('/api/business/whatsapp-settings').set(owner.auth).expect(200);
    assert.equal(got.body.configured, false);
    assert.equal(got.body.webhookUrl, `${PUBLIC_URL}/api/webhooks/whatsapp`);
    const refused = await send({ to: newPhone(), body: 'שלום' }, other);
    expectProblem(refused, 422, 'message.channel_not_configured');
  });

  it('refuses a token Meta refuses (422, nothing saved), then stores a good one sealed, shown as its last 4', async () => {
    const bad = await t.http
      .put('/api/business/whatsapp-settings')
      .set(owner.auth)
      .send({ phoneNumberId: PHONE_NUMBER_ID, businessAccountId: WABA_ID, accessToken: 'EAAGwrongTokenWrongToken000' });
    expectProblem(bad, 422, 'whatsapp_settings.rejected');
    assert.equal((await t.http.get('/api/business/whatsapp-settings').set(owner.auth)).body.configured, false);

    const res = await t.http
      .put('/api/business/whatsapp-settings')
      .set(owner.auth)
      .send({ phoneNumberId: PHONE_NUMBER_ID, businessAccountId: WABA_ID, accessToken: TOKEN });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.configured, true);
    assert.equal(res.body.accessTokenLast4, TOKEN.slice(-4));
    assert.equal(res.body.displayPhoneNumber, '+972 52-555-0101');
    assert.ok(res.body.checkedAt);
    assert.ok(!JSON.stringify(res.body).includes(TOKEN), 'the token is never shown');
    const check = wa.requests.findLast((r) => r.method === 'GET' && r.path.startsWith(`/${VERSION}/${PHONE_NUMBER_ID}?`));
    assert.ok(check, 'the settings were checked with GET /{phone-number-id}');
    assert.equal(check.headers.authorization, `Bearer ${TOKEN}`);

    // The number is this business's: another business cannot claim it.
    const taken = await t.http
      .put('/api/business/whatsapp-settings')
      .set(other.auth)
      .send({ phoneNumberId: PHONE_NUMBER_ID, businessAccountId: WABA_ID, accessToken: TOKEN });
    expectProblem(taken, 409);
  });

  // --- templates ------------------------------------------------------------------

  it('syncs the approved templates across every page and maps a key to one', async () => {
    const synced = await t.http.post('/api/notifications/whatsapp/templates/sync').set(owner.auth);
    assert.equal(synced.status, 200, JSON.stringify(synced.body));
    assert.equal(synced.body.listed, 5);
    assert.deepEqual(synced.body.templates.map((x: { name: string }) => x.name).sort(), ['appointment_reminder', 'hello_world', 'welcome']);
    const pages = wa.requests.filter((r) => r.path.startsWith(`/${VERSION}/${WABA_ID}/message_templates`));
    assert.equal(pages.length, 3, 'five templates in pages of two');
    assert.ok(pages.every((r) => r.headers.authorization === `Bearer ${TOKEN}`));
    const listed = await t.http.get('/api/notifications/whatsapp/templates').set(owner.auth).expect(200);
    assert.equal(listed.body.meta.total, 3);
    assert.equal(listed.body.data.find((x: { name: string }) => x.name === 'appointment_reminder').parameterCount, 2);

    const wrongCount = await t.http
      .put('/api/notifications/whatsapp/templates/mappings/appointment.reminder')
      .set(owner.auth)
      .send({ name: 'appointment_reminder', language: 'he', parameters: ['{{ customer.firstName }}'] });
    expectProblem(wrongCount, 422, 'whatsapp.template_parameters');
    const unknown = await t.http
      .put('/api/notifications/whatsapp/templates/mappings/appointment.reminder')
      .set(owner.auth)
      .send({ name: 'promo_draft', language: 'he', parameters: ['x'] });
    expectProblem(unknown, 422, 'whatsapp.template_unknown');
    const mapped = await t.http
      .put('/api/notifications/whatsapp/templates/mappings/appointment.reminder')
      .set(owner.auth)
      .send({ name: 'appointment_reminder', language: 'he', parameters: ['{{ customer.firstName }}', '{{ business.name }}'] });
    assert.equal(mapped.status, 200, JSON.stringify(mapped.body));
    assert.equal((await t.http.get('/api/notifications/whatsapp/templates/mappings').set(owner.auth)).body.meta.total, 1);
  });

  // --- sending --------------------------------------------------------------------

  it('sends a mapped template key as the WhatsApp template with its parameters, at any time', async () => {
    const phone = newPhone();
    const customerId = await customer(phone);
    const res = await send({ customerId, template: 'appointment.reminder' });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
    const call = wa.sent.find((s) => s.wamid === sent.providerMessageId);
    assert.ok(call, 'the fake got it');
    assert.equal(call.request.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(call.request.path, `/${VERSION}/${PHONE_NUMBER_ID}/messages`);
    const business = (await t.http.get('/api/business').set(owner.auth)).body;
    assert.deepEqual(call.body, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: digits(phone),
      type: 'template',
      template: {
        name: 'appointment_reminder',
        language: { code: 'he' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'דנה' },
              { type: 'text', text: business.name },
            ],
          },
        ],
      },
      biz_opaque_callback_data: `${sent.id}:1`,
    });
    assert.deepEqual((await message(sent.id)).whatsappTemplate, {
      name: 'appointment_reminder',
      language: 'he',
      parameters: ['דנה', business.name],
    });
  });

  it('refuses free text outside the 24-hour window with 422 naming the rule, and sends it once the person wrote', async () => {
    const phone = newPhone();
    const closed = await send({ to: phone, body: 'התור שלך מחר ב-10:00' });
    expectProblem(closed, 422, 'message.whatsapp_window_closed');
    assert.match(closed.body.detail, /24-hour rule/);
    // An unmapped template key is free text too.
    expectProblem(await send({ to: phone, template: 'appointment.booked' }), 422, 'message.whatsapp_window_closed');

    wa.openWindows.add(digits(phone));
    const received = await notify(inbound(phone, 'היי, אפשר לקבוע תור?'));
    assert.equal(received.status, 200, JSON.stringify(received.body));
    assert.equal(received.body.applied, 1);

    const res = await send({ to: phone, body: 'בטח! מחר ב-10:00?' });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
    const call = wa.sent.find((s) => s.wamid === sent.providerMessageId);
    assert.ok(call);
    assert.equal(call.request.headers.authorization, `Bearer ${TOKEN}`);
    assert.deepEqual(call.body, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: digits(phone),
      type: 'text',
      text: { body: 'בטח! מחר ב-10:00?', preview_url: false },
      biz_opaque_callback_data: `${sent.id}:1`,
    });
  });

  it("retries Meta's temporary refusals (throughput 130429, 503) and sends once; refuses a template parameter that renders empty", async () => {
    const customerId = await customer(newPhone());
    wa.failNext(2, 429, 130429);
    const res = await send({ customerId, template: 'appointment.reminder' });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
    assert.equal(sent.attempts, 3);
    assert.equal(wa.sent.filter((s) => s.wamid === sent.providerMessageId).length, 1);

    // No first name: {{ customer.firstName }} is empty, which WhatsApp refuses.
    const nameless = await send({ to: newPhone(), template: 'appointment.reminder' });
    expectProblem(nameless, 422, 'message.whatsapp_parameter_empty');
    assert.match(String(nameless.body.detail), /\{\{1\}\}/);
  });

  it('sends an explicit approved template outside the window (whatsappTemplate), logged as its filled-in text', async () => {
    const phone = newPhone();
    const res = await send({
      to: phone,
      kind: 'transactional',
      whatsappTemplate: { name: 'welcome', language: 'en_US', parameters: ['{{ business.name }}'] },
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
    const business = (await t.http.get('/api/business').set(owner.auth)).body;
    assert.equal(sent.text, `Welcome to ${business.name}!`);
    const call = wa.sent.find((s) => s.wamid === sent.providerMessageId);
    assert.deepEqual(call?.body.template, {
      name: 'welcome',
      language: { code: 'en_US' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: business.name }] }],
    });
    expectProblem(
      await send({ to: phone, whatsappTemplate: { name: 'promo_draft', language: 'he', parameters: ['x'] } }),
      422,
      'whatsapp.template_unknown',
    );
    expectProblem(
      await send({ to: phone, whatsappTemplate: { name: 'welcome', language: 'en_US', parameters: [] } }),
      422,
      'whatsapp.template_parameters',
    );
    expectProblem(
      await send({ channel: 'sms', to: phone, whatsappTemplate: { name: 'welcome', language: 'en_US', parameters: ['x'] } }),
      400,
    );
  });

  it('fails a message for good when Meta answers 131047 at sending time (the window closed meanwhile)', async () => {
    const phone = newPhone();
    await notify(inbound(phone, 'שלום')).expect(200); // our window is open; the fake's is not
    const res = await send({ to: phone, body: 'תשובה מאוחרת' });
    assert.equal(res.status, 202);
    const failed = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'failed');
    assert.match(failed.lastError ?? '', /131047.*24-hour/);
    assert.equal(failed.attempts, 1, 'a permanent refusal is not retried');
  });

  // --- webhook ----------------------------------------------------------------------

  it('answers the verify-token handshake with the challenge, and 403 to a wrong token', async () => {
    const ok = await t.http
      .get('/api/webhooks/whatsapp')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' });
    assert.equal(ok.status, 200);
    assert.match(ok.headers['content-type'], /^text\/plain/);
    assert.equal(ok.text, '1158201444');
    const wrong = await t.http
      .get('/api/webhooks/whatsapp')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' });
    expectProblem(wrong, 403, 'webhook.verification_failed');
    const mode = await t.http
      .get('/api/webhooks/whatsapp')
      .query({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' });
    expectProblem(mode, 403);
  });

  it('takes only notifications signed with the app secret: missing and forged signatures change nothing', async () => {
    const phone = newPhone();
    const customerId = await customer(phone, true);
    const res = await send({ customerId, template: 'appointment.reminder' });
    const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
    const payload = statusOf(sent, 'delivered');
    expectProblem(await notify(payload, null), 401, 'webhook.signature_missing');
    expectProblem(await notify(payload, sign(JSON.stringify(payload), 'not-the-app-secret')), 401, 'webhook.signature_invalid');
    expectProblem(await notify(payload, 'sha256=zz'), 401, 'webhook.signature_invalid');
    // Signed over other bytes (the body was altered on the way).
    expectProblem(await notify(payload, sign(JSON.stringify(statusOf(sent, 'read')))), 401, 'webhook.signature_invalid');
    assert.equal((await message(sent.id)).status, 'sent');
    const ok = await notify(payload);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await message(sent.id)).status, 'delivered');
  });

  it('moves statuses sent → delivered → read in order, and ends read when they come out of order or again', async () => {
    const inOrder = await waitForMessage(
      t.http,
      owner.auth,
      (await send({ customerId: await customer(newPhone()), template: 'appointment.reminder' })).body.id,
      (m) => m.status === 'sent',
    );
    for (const s of ['sent', 'delivered', 'read']) await notify(statusOf(inOrder, s)).expect(200);
    const a = await message(inOrder.id);
    assert.equal(a.status, 'read');
    assert.ok(a.deliveredAt && a.readAt);

    const outOfOrder = await waitForMessage(
      t.http,
      owner.auth,
      (await send({ customerId: await customer(newPhone()), template: 'appointment.reminder' })).body.id,
      (m) => m.status === 'sent',
    );
    const read = await notify(statusOf(outOfOrder, 'read')).expect(200);
    assert.equal(read.body.applied, 1);
    const late = await notify(statusOf(outOfOrder, 'delivered')).expect(200);
    assert.equal(late.body.unchanged, 1);
    await notify(statusOf(outOfOrder, 'sent')).expect(200);
    const failedLate = await notify(statusOf(outOfOrder, 'failed')).expect(200);
    assert.equal(failedLate.body.unchanged, 1);
    const again = await notify(statusOf(outOfOrder, 'read')).expect(200);
    assert.equal(again.body.duplicate, 1);
    const b = await message(outOfOrder.id);
    assert.equal(b.status, 'read');
    assert.ok(b.deliveredAt, 'a read that overtook its delivery marks it delivered too');

    // A status about another business's number, or a wamid nobody sent, changes nothing.
    const stray = await notify(envelope({ statuses: [{ id: 'wamid.nobody', status: 'read', timestamp: '1767225600' }] })).expect(200);
    assert.equal(stray.body.ignored, 1);
  });

  it('records inbound messages on the customer timeline and unsubscribes the contact on STOP / הסר, once', async () => {
    const phone = newPhone();
    const customerId = await customer(phone, true);
    await notify(inbound(phone, 'מתי אתם פתוחים?')).expect(200);
    const optOut = inbound(phone, ' הסר ');
    const first = await notify(optOut).expect(200);
    assert.equal(first.body.applied, 1);
    const repeat = await notify(optOut).expect(200);
    assert.equal(repeat.body.duplicate, 1);
    const c = (await t.http.get(`/api/customers/${customerId}`).set(owner.auth)).body;
    assert.equal(c.marketingConsent.sms.granted, false, "the phone's marketing consent is withdrawn");
    // Marketing on WhatsApp (the phone's consent) is refused now.
    expectProblem(await send({ customerId, kind: 'marketing', template: 'appointment.reminder' }), 422, 'message.no_consent');

    const deadline = Date.now() + 5_000;
    let total = 0;
    while (Date.now() < deadline) {
      total = (await t.http.get('/api/activity').set(owner.auth).query({ customerId, action: 'whatsapp.received', limit: 100 })).body.meta
        .total;
      if (total >= 2) break;
      await sleep(100);
    }
    assert.equal(total, 2, 'both messages are on the timeline, the repeat once');
  });

  it('lets an automation send on WhatsApp: a tag added sends the mapped template through the fake', async () => {
    const rule = await t.http
      .post('/api/automations')
      .set(owner.auth)
      .send({
        name: 'תזכורת בוואטסאפ',
        trigger: { type: 'customer.tag_added', tag: 'וואטסאפ' },
        actions: [{ type: 'send_message', channel: 'whatsapp', kind: 'transactional', template: 'appointment.reminder' }],
      });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const phone = newPhone();
    const customerId = await customer(phone);
    const before = wa.sent.length;
    await t.http
      .patch(`/api/customers/${customerId}`)
      .set(owner.auth)
      .send({ tags: ['וואטסאפ'] })
      .expect(200);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !wa.sent.slice(before).some((s) => s.body.to === digits(phone))) await sleep(100);
    const call = wa.sent.slice(before).find((s) => s.body.to === digits(phone));
    assert.ok(call, 'the automation sent the WhatsApp template');
    assert.equal(call.body.type, 'template');
    assert.equal((call.body.template as { name: string }).name, 'appointment_reminder');
  });

  it('sends a campaign to a small segment on WhatsApp: as the approved template to all who consent, as free text only inside the window', async () => {
    // Marketing waits out quiet hours; this business has none, so the test runs at any hour.
    const settings = (await t.http.get('/api/notifications/settings').set(owner.auth).expect(200)).body;
    await t.http
      .put('/api/notifications/settings')
      .set(owner.auth)
      .send({ ...settings, quietFrom: '00:00', quietTo: '00:00', shabbatFrom: null, shabbatTo: null })
      .expect(200);
    const tag = 'wa-campaign';
    const people: { id: string; phone: string; name: string; consent: boolean }[] = [];
    for (const [i, name] of ['נועה', 'איתי', 'מאיה', 'רון'].entries()) {
      const phone = newPhone();
      const res = await t.http
        .post('/api/customers')
        .set(owner.auth)
        .send({ firstName: name, phone, tags: [tag], marketingConsent: { sms: { granted: i !== 3 } } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      people.push({ id: res.body.id, phone, name, consent: i !== 3 });
    }
    const seg = await t.http
      .post('/api/segments')
      .set(owner.auth)
      .send({ name: 'וואטסאפ', rule: { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: tag }] } });
    assert.equal(seg.status, 201, JSON.stringify(seg.body));

    const campaignStats = async (id: string) => (await t.http.get(`/api/campaigns/${id}/stats`).set(owner.auth).expect(200)).body;
    const run = async (body: Record<string, unknown>, done: (s: Record<string, number>) => boolean) => {
      const created = await t.http
        .post('/api/campaigns')
        .set(owner.auth)
        .send({
          name: 'מבצע',
          channel: 'whatsapp',
          segmentId: seg.body.id,
          body: 'שלום {{ customer.firstName }}, 20% הנחה השבוע',
          ...body,
        });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      await t.http.post(`/api/campaigns/${created.body.id}/schedule`).set(owner.auth).send({}).expect(200);
      const deadline = Date.now() + 20_000;
      let s = await campaignStats(created.body.id);
      while (!done(s) && Date.now() < deadline) {
        await sleep(100);
        s = await campaignStats(created.body.id);
      }
      return s;
    };

    const before = wa.sent.length;
    const templated = await run(
      { whatsappTemplate: { name: 'welcome', language: 'en_US', parameters: ['{{ customer.firstName }}'] } },
      (s) => s.sent === 3,
    );
    assert.equal(templated.recipients, 4);
    assert.equal(templated.sent, 3);
    assert.equal(templated.suppressed, 1, 'no marketing consent on the phone: not sent');
    const calls = wa.sent.slice(before);
    for (const p of people) {
      const got = calls.filter((c) => c.body.to === digits(p.phone));
      assert.equal(got.length, p.consent ? 1 : 0, p.name);
      if (p.consent)
        assert.deepEqual((got[0].body.template as { components: unknown }).components, [
          { type: 'body', parameters: [{ type: 'text', text: p.name }] },
        ]);
    }

    // Free text: only the one who wrote in the last 24 hours gets it; the others are skipped, not failed.
    await notify(inbound(people[0].phone, 'מעוניינת!')).expect(200);
    wa.openWindows.add(digits(people[0].phone));
    const free = await run({}, (s) => s.sent + s.skipped + s.suppressed === 4);
    assert.deepEqual([free.sent, free.skipped, free.suppressed, free.failed], [1, 2, 1, 0]);
    const text = wa.sent.slice(before + 3);
    assert.equal(text.length, 1);
    assert.equal(text[0].body.to, digits(people[0].phone));
    assert.match((text[0].body.text as { body: string }).body, /^שלום נועה, 20% הנחה השבוע\n/);
  });

  it('keeps the WhatsApp settings to the owner; an admin may sync and map templates, staff may not', async () => {
    const admin = await newMember(t.http, owner, 'admin');
    const staff = await newMember(t.http, owner, 'staff');
    expectProblem(await t.http.get('/api/business/whatsapp-settings').set(admin.auth), 403);
    expectProblem(
      await t.http
        .put('/api/business/whatsapp-settings')
        .set(admin.auth)
        .send({ phoneNumberId: PHONE_NUMBER_ID, businessAccountId: WABA_ID, accessToken: TOKEN }),
      403,
    );
    assert.equal((await t.http.post('/api/notifications/whatsapp/templates/sync').set(admin.auth)).status, 200);
    expectProblem(await t.http.post('/api/notifications/whatsapp/templates/sync').set(staff.auth), 403);
    assert.equal((await t.http.get('/api/notifications/whatsapp/templates').set(staff.auth)).status, 200);
  });

  it("does not let another business read or change this business's WhatsApp data", async () => {
    const theirs = await t.http.get('/api/notifications/whatsapp/templates').set(other.auth).expect(200);
    assert.equal(theirs.body.meta.total, 0);
    expectProblem(await t.http.post('/api/notifications/whatsapp/templates/sync').set(other.auth), 422, 'message.channel_not_configured');
  });
});
