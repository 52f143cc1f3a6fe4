import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { en } from '../../web/src/i18n/en';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { DashboardBrowser, fieldOf, htmlLangDir, PHONE, seriousViolations, SHOTS, sidewaysOverflow } from '../support/dashboard-browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { newBusiness, type TestBusiness } from '../support/factories';
import { until } from '../support/until';

/**
 * The Settings page and the business switcher in Chromium: business details
 * (an API field error first), an API key whose secret shows once, an
 * invitation, payment credentials that never come back, and a person in two
 * businesses switching between them (staff in one: manager-only tabs hidden).
 */
describe('dashboard: settings and the business switcher', () => {
  let t: TestApp;
  let b: DashboardBrowser;
  let owner: TestBusiness;
  let second: TestBusiness;

  before(async () => {
    t = await startTestApp();
    b = await DashboardBrowser.start(t);
    owner = await newBusiness(t.http, { name: 'דנה לוי', businessName: 'סטודיו דנה' });
    second = await newBusiness(t.http, { name: 'יוסי כהן', businessName: 'מספרת יוסי' });
    // Dana has an account: Yossi's invitation makes her staff in his business at once.
    await t.http.post('/api/business/members').set(second.auth).send({ email: owner.email, role: 'staff' }).expect(201);
  });
  after(async () => {
    await b?.close();
    await t?.close();
  });

  const tab = (page: Page, m: Catalogue, name: keyof Catalogue) => page.getByRole('tab', { name: m[name], exact: true });
  const panel = (page: Page) => page.getByRole('tabpanel');

  /** Waits for the business details form to show `name` (the form's value, not an attribute). */
  async function businessNameIs(page: Page, name: string): Promise<void> {
    const input = page.getByLabel(he['settings.business.name'], { exact: true });
    await until(
      `the business name to be ${name}`,
      async () => ((await input.count()) && (await input.inputValue()) === name ? true : null),
      15_000,
    );
  }

  async function openSettings(page: Page, who: { email: string; password: string } = owner): Promise<void> {
    await b.logIn(page, who, '/dashboard/settings');
    await panel(page).locator('form').first().waitFor();
  }

  it('changes the business details (an invalid email refused next to its field first)', async () => {
    const { page, errors } = await b.open();
    await openSettings(page);
    assert.deepEqual(await htmlLangDir(page), { lang: 'he', dir: 'rtl' });
    const name = page.getByLabel(he['settings.business.name'], { exact: true });
    assert.equal(await name.inputValue(), 'סטודיו דנה');

    await name.fill('סטודיו דנה והבנות');
    const email = page.getByLabel(he['settings.business.email'], { exact: true });
    await email.fill('not-an-email');
    await page.getByRole('button', { name: he['settings.business.save'], exact: true }).click();
    await fieldOf(page, page, he['settings.business.email']).locator('.field-error').waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.equal(await name.inputValue(), 'סטודיו דנה והבנות', 'what was typed stays');
    await page.screenshot({ path: join(SHOTS, 'settings-business-error-he.png'), fullPage: true });

    await email.fill('office@studio-dana.co.il');
    await page.getByLabel(he['settings.business.phone'], { exact: true }).fill('03-5551234');
    await page.getByRole('button', { name: he['settings.business.save'], exact: true }).click();
    await page.getByRole('status').filter({ hasText: he['settings.saved'] }).waitFor();
    // The top bar follows (Dana is in two businesses: her switcher shows the new name).
    await page.locator('.business-switcher option', { hasText: 'סטודיו דנה והבנות' }).waitFor({ state: 'attached' });
    const stored = await t.http.get('/api/business').set(owner.auth).expect(200);
    assert.equal(stored.body.name, 'סטודיו דנה והבנות');
    assert.equal(stored.body.email, 'office@studio-dana.co.il');
    assert.equal(stored.body.phone, '+97235551234');
    assert.deepEqual(errors, []);
  });

  it('creates an API key: the secret shows once, with a copy button, and works; then never again', async () => {
    const { page, errors } = await b.open();
    await openSettings(page);
    await tab(page, he, 'settings.tab.keys').click();
    await page.getByLabel(he['settings.keys.name'], { exact: true }).fill('אתר הזמנות');
    await page.getByRole('button', { name: he['settings.keys.create'], exact: true }).click();
    const secretBox = page.getByRole('region', { name: he['settings.keys.secretTitle'] });
    await secretBox.waitFor();
    const secret = (await secretBox.locator('code').innerText()).trim();
    assert.match(secret, /^cg_/);
    await secretBox.getByRole('button', { name: he['settings.keys.copy'], exact: true }).waitFor();
    await page.locator('.keys-table tbody tr').filter({ hasText: 'אתר הזמנות' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'settings-api-key-secret-he.png'), fullPage: true });
    // It is a working key.
    const me = await t.http.get('/api/auth/me').set({ 'x-api-key': secret }).expect(200);
    assert.equal(me.body.kind, 'api_key');

    await secretBox.getByRole('button', { name: he['settings.keys.stored'], exact: true }).click();
    await secretBox.waitFor({ state: 'detached' });
    await page.reload();
    await tab(page, he, 'settings.tab.keys').click();
    await page.locator('.keys-table tbody tr').filter({ hasText: 'אתר הזמנות' }).waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the secret is not on the page again');

    await page.getByRole('button', { name: `${he['settings.keys.revoke']} אתר הזמנות` }).click();
    await page.getByRole('status').filter({ hasText: 'בוטל' }).waitFor();
    await t.http.get('/api/auth/me').set({ 'x-api-key': secret }).expect(401);
    assert.deepEqual(errors, []);
  });

  it('invites a member: the invitation is listed, with its one-time link', async () => {
    const { page, errors } = await b.open();
    await openSettings(page);
    await tab(page, he, 'settings.tab.team').click();
    const form = page.locator('.invite-form');
    await form.getByLabel(he['settings.team.email'], { exact: true }).fill('noa@example.co.il');
    await form.getByLabel(he['settings.team.name'], { exact: true }).fill('נועה ברק');
    await form.getByLabel(he['settings.team.role'], { exact: true }).selectOption('admin');
    await form.getByRole('button', { name: he['settings.team.invite'], exact: true }).click();
    await page.getByRole('region', { name: he['settings.team.inviteLink'] }).waitFor();
    const row = page.locator('.members-table tbody tr').filter({ hasText: 'noa@example.co.il' });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(he['settings.team.invitedStatus']));
    assert.equal(await row.getByRole('combobox').inputValue(), 'admin');
    await page.screenshot({ path: join(SHOTS, 'settings-team-he.png'), fullPage: true });
    const members = await t.http.get('/api/business/members').set(owner.auth).expect(200);
    const noa = members.body.data.find((m: { email: string }) => m.email === 'noa@example.co.il');
    assert.deepEqual([noa.role, noa.status], ['admin', 'invited']);

    await row.getByRole('button', { name: new RegExp(he['settings.team.revoke']) }).click();
    await row.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  });

  it('saves payment credentials: the page shows the provider, configured and the last 4, never the credentials', async () => {
    const { page, errors } = await b.open();
    await openSettings(page);
    await tab(page, he, 'settings.tab.payments').click();
    const form = page.locator('.payment-form');
    await form.waitFor();
    assert.match(await page.locator('.payment-status').innerText(), new RegExp(he['settings.provider.sandbox'].replace(/[()]/g, '.')));

    // A gateway with credentials (the test's Cardcom address answers nothing, so they are stored unchecked).
    await form.getByLabel(he['settings.payments.provider'], { exact: true }).selectOption('cardcom');
    await form.getByLabel(he['settings.credential.terminalNumber'], { exact: true }).fill('1234567');
    await form.getByLabel(he['settings.credential.apiName'], { exact: true }).fill('dana-api-user');
    await form.getByLabel(he['settings.credential.apiPassword'], { exact: true }).fill('Very-Secret-Pass-42');
    await form.getByRole('button', { name: he['settings.payments.save'], exact: true }).click();
    await page.getByRole('status').filter({ hasText: he['settings.payments.saved'] }).waitFor();
    await page.locator('.payment-status').filter({ hasText: '4567' }).waitFor();
    assert.equal(await form.getByLabel(he['settings.credential.apiPassword'], { exact: true }).inputValue(), '');
    assert.equal(await form.getByLabel(he['settings.credential.apiName'], { exact: true }).inputValue(), '');
    await page.reload();
    await tab(page, he, 'settings.tab.payments').click();
    await page.locator('.payment-status').filter({ hasText: '4567' }).waitFor();
    const html = await page.content();
    for (const secret of ['Very-Secret-Pass-42', 'dana-api-user', '1234567'])
      assert.ok(!html.includes(secret), `${secret} is not shown back`);
    await page.screenshot({ path: join(SHOTS, 'settings-payments-he.png'), fullPage: true });
    const stored = await t.http.get('/api/business/payment-settings').set(owner.auth).expect(200);
    assert.deepEqual([stored.body.provider, stored.body.configured, stored.body.credentialsLast4], ['cardcom', true, '4567']);

    // Back to the sandbox: it takes no credentials.
    await page.locator('.payment-form').getByLabel(he['settings.payments.provider'], { exact: true }).selectOption('sandbox');
    await page.locator('.payment-form').getByRole('button', { name: he['settings.payments.save'], exact: true }).click();
    // The live region still says "saved" from the first save: wait for this one itself.
    const sandbox = await until('the sandbox saved', async () => {
      const res = await t.http.get('/api/business/payment-settings').set(owner.auth).expect(200);
      return res.body.provider === 'sandbox' ? res : null;
    });
    assert.deepEqual([sandbox.body.provider, sandbox.body.configured], ['sandbox', true]);
    await page.getByRole('status').filter({ hasText: he['settings.payments.saved'] }).waitFor();
    assert.deepEqual(errors, []);
  });

  it('saves booking settings with a new reminder offset, message settings (a bad time refused at its field), and documents settings', async () => {
    const { page, errors } = await b.open();
    await openSettings(page);

    await tab(page, he, 'settings.tab.booking').click();
    await page.getByRole('button', { name: he['settings.booking.addReminder'], exact: true }).click();
    await page.getByLabel('תזכורת 3: כמה', { exact: true }).fill('30');
    await page.getByLabel('תזכורת 3: יחידה', { exact: true }).selectOption('minutes');
    await page.getByRole('button', { name: he['settings.booking.save'], exact: true }).click();
    await page.getByRole('status').filter({ hasText: he['settings.saved'] }).waitFor();
    const booking = await t.http.get('/api/booking-settings').set(owner.auth).expect(200);
    assert.deepEqual(
      [...booking.body.reminderOffsetsMinutes].sort((x: number, y: number) => y - x),
      [1440, 120, 30],
    );

    await tab(page, he, 'settings.tab.messaging').click();
    const smsOnBooked = page.getByRole('checkbox', { name: 'תור נקבע במסרון (SMS)' });
    const wasOn = await smsOnBooked.isChecked();
    await smsOnBooked.setChecked(!wasOn);
    const quietFrom = page.getByLabel(he['settings.messaging.quietFrom'], { exact: true });
    await quietFrom.fill('25:99');
    await page.getByRole('button', { name: he['settings.messaging.save'], exact: true }).click();
    await fieldOf(page, page, he['settings.messaging.quietFrom']).locator('.field-error').waitFor();
    await quietFrom.fill('21:30');
    await page.getByRole('button', { name: he['settings.messaging.save'], exact: true }).click();
    // The live region still says "saved" from the booking form: wait for this save itself.
    const messaging = await until('the message settings saved', async () => {
      const res = await t.http.get('/api/notifications/settings').set(owner.auth).expect(200);
      return res.body.quietFrom === '21:30' ? res : null;
    });
    await page.getByRole('status').filter({ hasText: he['settings.saved'] }).waitFor();
    assert.equal(messaging.body.events['appointment.booked'].includes('sms'), !wasOn);

    await tab(page, he, 'settings.tab.documents').click();
    await page.getByLabel(he['settings.documents.footer'], { exact: true }).fill('תודה שבחרתם בנו');
    await page.getByRole('button', { name: he['settings.documents.save'], exact: true }).click();
    await until('the documents settings saved', async () => {
      const res = await t.http.get('/api/invoices/settings').set(owner.auth).expect(200);
      return res.body.footer === 'תודה שבחרתם בנו' ? true : null;
    });
    await page.getByRole('status').filter({ hasText: he['settings.saved'] }).waitFor();
    assert.deepEqual(errors, []);
  });

  it('a person in two businesses switches between them; as staff, the manager-only settings are hidden', async () => {
    const { page, errors } = await b.open();
    await openSettings(page);
    const switcher = page.getByLabel(he['switcher.label'], { exact: true });
    await switcher.locator('option').nth(1).waitFor({ state: 'attached' });
    assert.deepEqual(await switcher.locator('option').allInnerTexts(), ['סטודיו דנה והבנות', 'מספרת יוסי']);
    await tab(page, he, 'settings.tab.team').waitFor();

    await switcher.selectOption(second.businessId);
    await page.waitForURL(`${b.base}/dashboard/settings`);
    await businessNameIs(page, 'מספרת יוסי');
    assert.equal(await page.getByLabel(he['switcher.label'], { exact: true }).inputValue(), second.businessId);
    // Staff here: no team, API keys or payments; the details are read-only.
    assert.equal(await tab(page, he, 'settings.tab.team').count(), 0);
    assert.equal(await tab(page, he, 'settings.tab.keys').count(), 0);
    assert.equal(await tab(page, he, 'settings.tab.payments').count(), 0);
    assert.equal(await page.getByLabel(he['settings.business.name'], { exact: true }).isDisabled(), true);
    await page.locator('.settings-section .muted').filter({ hasText: he['settings.readOnly'] }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'settings-switched-staff-he.png'), fullPage: true });

    // Every request now acts for Yossi's business; switching back returns to Dana's.
    await page.getByLabel(he['switcher.label'], { exact: true }).selectOption(owner.businessId);
    await businessNameIs(page, 'סטודיו דנה והבנות');
    await tab(page, he, 'settings.tab.team').waitFor();
    assert.deepEqual(errors, []);
  });

  for (const lang of ['he', 'en'] as const) {
    it(`every section in ${lang} on a phone: ${lang === 'he' ? 'rtl' : 'ltr'}, no sideways scroll, no serious axe violation`, async () => {
      const m = lang === 'he' ? he : en;
      const { page, errors } = await b.open(PHONE);
      await openSettings(page);
      if (lang === 'en') {
        await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
        await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
      }
      const problems: string[] = [];
      const sections = [
        'settings.tab.business',
        'settings.tab.documents',
        'settings.tab.team',
        'settings.tab.keys',
        'settings.tab.payments',
        'settings.tab.messaging',
        'settings.tab.booking',
        'settings.tab.links',
      ] as const;
      for (const name of sections) {
        await tab(page, m, name).click();
        await panel(page).locator('.settings-section h2').waitFor();
        await panel(page).locator('[role="status"]').waitFor({ state: 'detached' });
        assert.deepEqual(await htmlLangDir(page), { lang, dir: lang === 'he' ? 'rtl' : 'ltr' });
        const overflow = await sidewaysOverflow(page);
        assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
        problems.push(...(await seriousViolations(page)).map((v) => `${name}: ${v}`));
        await page.screenshot({ path: join(SHOTS, `settings-${name.split('.').pop()}-${lang}-phone.png`), fullPage: true });
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, []);
    });
  }
});
