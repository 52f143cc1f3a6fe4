import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { en } from '../../web/src/i18n/en';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { DashboardBrowser, fieldOf, htmlLangDir, PHONE, seriousViolations, SHOTS, sidewaysOverflow } from '../support/dashboard-browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { newBusiness, type TestBusiness } from '../support/factories';

/**
 * The Notifications page in Chromium: templates with their live preview (Hebrew
 * and English, the SMS segment count), an unknown variable refused next to its
 * field, restoring the default; sending a transactional email and finding it in
 * the history; marketing without consent refused with the API's 422.
 */
describe('dashboard: notifications', () => {
  let t: TestApp;
  let b: DashboardBrowser;
  let owner: TestBusiness;
  const customerEmail = 'rina@example.co.il';

  before(async () => {
    t = await startTestApp();
    b = await DashboardBrowser.start(t);
    owner = await newBusiness(t.http, { name: 'דנה לוי', businessName: 'סטודיו דנה' });
    await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName: 'רינה', lastName: 'שמיר', email: customerEmail, phone: '052-7778899' })
      .expect(201);
  });
  after(async () => {
    await b?.close();
    await t?.close();
  });

  const tab = (page: Page, m: Catalogue, name: keyof Catalogue) => page.getByRole('tab', { name: m[name], exact: true });
  const previewText = (page: Page) => page.locator('.preview .preview-text');

  async function openTemplates(page: Page, m: Catalogue): Promise<void> {
    await tab(page, m, 'notifications.tab.templates').click();
    await previewText(page).waitFor();
  }

  it('edits a template with a live preview in Hebrew and in English, with the SMS segment count', async () => {
    const { page, errors } = await b.open();
    await b.logIn(page, owner, '/dashboard/notifications');
    assert.deepEqual(await htmlLangDir(page), { lang: 'he', dir: 'rtl' });
    await openTemplates(page, he);

    // Hebrew email: the preview follows the draft, with the sample customer's name filled in.
    const body = page.getByLabel(he['notifications.templates.body'], { exact: true });
    assert.ok((await body.inputValue()).includes('{{'), 'the built-in source is loaded');
    await body.fill('שלום {{ customer.firstName }}, זו טיוטה חדשה');
    await previewText(page).filter({ hasText: 'זו טיוטה חדשה' }).waitFor();
    assert.doesNotMatch(await previewText(page).innerText(), /\{\{/, 'variables are rendered');
    await page.screenshot({ path: join(SHOTS, 'notifications-template-he.png'), fullPage: true });

    // SMS: the segment count follows the length (Hebrew is UCS-2: 70 characters in one part, then 67 each).
    await page.getByLabel(he['notifications.templates.channel'], { exact: true }).selectOption('sms');
    const sms = page.getByLabel(he['notifications.templates.sms'], { exact: true });
    await sms.waitFor();
    await sms.fill('א'.repeat(60));
    await page.locator('.sms-count').filter({ hasText: /^1 / }).waitFor();
    await sms.fill('א'.repeat(140));
    await page.locator('.sms-count').filter({ hasText: /^3 / }).waitFor();
    assert.match(await page.locator('.sms-count').innerText(), /UCS-2/);

    // English: the interface and the template's language.
    await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    assert.deepEqual(await htmlLangDir(page), { lang: 'en', dir: 'ltr' });
    await page.getByLabel(en['notifications.templates.channel'], { exact: true }).selectOption('email');
    await page.getByLabel(en['notifications.templates.locale'], { exact: true }).selectOption('en');
    const enBody = page.getByLabel(en['notifications.templates.body'], { exact: true });
    await page.locator('.preview [lang="en"]').waitFor();
    await enBody.fill('Hello {{ customer.firstName }}, this is a new draft');
    await previewText(page).filter({ hasText: 'this is a new draft' }).waitFor();
    assert.doesNotMatch(await previewText(page).innerText(), /\{\{/);
    assert.equal(await page.locator('.preview [lang="en"]').getAttribute('dir'), 'ltr');
    await page.screenshot({ path: join(SHOTS, 'notifications-template-en.png'), fullPage: true });
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(errors, []);
  });

  it('refuses an unknown variable next to the field, saves a valid template, restores the default', async () => {
    const { page, errors } = await b.open();
    await b.logIn(page, owner, '/dashboard/notifications');
    await openTemplates(page, he);
    const path = '/api/notifications/templates/appointment.booked/email/he';
    const builtIn = await t.http.get(path).set(owner.auth).expect(200);
    assert.equal(builtIn.body.overridden, false);

    const body = page.getByLabel(he['notifications.templates.body'], { exact: true });
    await body.fill('שלום {{ customer.nickname }}');
    const refused = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(path));
    await page.getByRole('button', { name: he['notifications.templates.save'], exact: true }).click();
    assert.equal((await refused).status(), 400);
    const bodyField = fieldOf(page, page, he['notifications.templates.body']);
    await bodyField.locator('.field-error').filter({ hasText: 'customer.nickname' }).waitFor();
    assert.equal(await body.getAttribute('aria-invalid'), 'true');
    assert.equal(await body.inputValue(), 'שלום {{ customer.nickname }}', 'what was typed stays');
    await page.screenshot({ path: join(SHOTS, 'notifications-template-unknown-variable-he.png'), fullPage: true });
    assert.equal((await t.http.get(path).set(owner.auth).expect(200)).body.overridden, false, 'nothing was saved');

    await body.fill('שלום {{ customer.firstName }}, נתראה בקרוב');
    await bodyField.locator('.field-error').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: he['notifications.templates.save'], exact: true }).click();
    await page.getByRole('status').filter({ hasText: he['notifications.templates.saved'] }).waitFor();
    const saved = await t.http.get(path).set(owner.auth).expect(200);
    assert.equal(saved.body.overridden, true);
    assert.equal(saved.body.body, 'שלום {{ customer.firstName }}, נתראה בקרוב');

    await page.getByRole('button', { name: he['notifications.templates.restore'], exact: true }).click();
    await page.getByRole('status').filter({ hasText: he['notifications.templates.restored'] }).waitFor();
    await page.locator('.template-form .muted').filter({ hasText: he['notifications.templates.builtIn'] }).waitFor();
    assert.equal(await body.inputValue(), builtIn.body.body);
    const restored = await t.http.get(path).set(owner.auth).expect(200);
    assert.equal(restored.body.overridden, false);
    assert.deepEqual(errors, []);
  });

  it('sends a transactional email to a customer and finds it in the history; marketing without consent shows the 422', async () => {
    const { page, errors } = await b.open();
    await b.logIn(page, owner, '/dashboard/notifications');
    await tab(page, he, 'notifications.tab.send').click();
    const form = page.locator('.send-form');
    await form.getByLabel(he['notifications.send.search'], { exact: true }).fill('רינה');
    const customer = form.getByLabel(he['notifications.send.customer'], { exact: true });
    await customer.locator('option', { hasText: customerEmail }).waitFor({ state: 'attached' });

    // Marketing first: she never consented, so the API refuses with 422 and nothing is lost.
    await form.getByLabel(he['notifications.send.kind'], { exact: true }).selectOption('marketing');
    await form.getByLabel(he['notifications.send.subject'], { exact: true }).fill('מבצע חורף');
    await form.getByLabel(he['notifications.send.body'], { exact: true }).fill('הנחה של 20% על כל הטיפולים');
    await form.getByRole('button', { name: he['notifications.send.submit'], exact: true }).click();
    await form.getByRole('alert').filter({ hasText: he['problem.message.no_consent'] }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'notifications-send-no-consent-he.png'), fullPage: true });
    assert.equal(await form.getByLabel(he['notifications.send.body'], { exact: true }).inputValue(), 'הנחה של 20% על כל הטיפולים');

    await form.getByLabel(he['notifications.send.kind'], { exact: true }).selectOption('transactional');
    await form.getByLabel(he['notifications.send.subject'], { exact: true }).fill('התור שלך מחר');
    await form.getByLabel(he['notifications.send.body'], { exact: true }).fill('רינה שלום, מזכירים שהתור שלך מחר ב-10:00.');
    await form.getByRole('button', { name: he['notifications.send.submit'], exact: true }).click();

    // Back on the history: the message is there, to her address, with its status.
    await page.getByRole('tab', { name: he['notifications.tab.history'], selected: true }).waitFor();
    const row = page.locator('.messages-table tbody tr').filter({ hasText: customerEmail });
    await row.waitFor();
    assert.match(await row.innerText(), /התור שלך מחר/);
    const history = await t.http.get('/api/notifications/history').set(owner.auth).expect(200);
    const toHer = (history.body.data as { to: string; kind: string }[]).filter((m) => m.to === customerEmail);
    assert.deepEqual(
      toHer.map((m) => m.kind),
      ['transactional'],
      'the refused marketing message was not sent',
    );

    await row.getByRole('button', { name: new RegExp(he['notifications.details']) }).click();
    const dialog = page.getByRole('dialog', { name: he['notifications.detailTitle'] });
    await dialog.locator('.preview-text').filter({ hasText: 'מזכירים שהתור שלך מחר' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(SHOTS, 'notifications-message-he.png'), fullPage: true });
    await dialog.getByRole('button', { name: he['notifications.close'], exact: true }).click();

    // The filters: SMS only shows none.
    await page.getByLabel(he['notifications.history.channel'], { exact: true }).selectOption('sms');
    await page.locator('.empty').filter({ hasText: he['notifications.history.emptyFiltered'] }).waitFor();
    assert.deepEqual(errors, []);
  });

  for (const lang of ['he', 'en'] as const) {
    it(`every tab in ${lang} on a phone: ${lang === 'he' ? 'rtl' : 'ltr'}, no sideways scroll, no serious axe violation`, async () => {
      const m = lang === 'he' ? he : en;
      const { page, errors } = await b.open(PHONE);
      await b.logIn(page, owner, '/dashboard/notifications');
      if (lang === 'en') {
        await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
        await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
      }
      const problems: string[] = [];
      for (const name of ['notifications.tab.history', 'notifications.tab.send', 'notifications.tab.templates'] as const) {
        await tab(page, m, name).click();
        if (name === 'notifications.tab.templates') await previewText(page).waitFor();
        else await page.locator('[role="tabpanel"] .field').first().waitFor();
        await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
        assert.deepEqual(await htmlLangDir(page), { lang, dir: lang === 'he' ? 'rtl' : 'ltr' });
        const overflow = await sidewaysOverflow(page);
        assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
        problems.push(...(await seriousViolations(page)).map((v) => `${name}: ${v}`));
        await page.screenshot({ path: join(SHOTS, `notifications-${name.split('.').pop()}-${lang}-phone.png`), fullPage: true });
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, []);
    });
  }
});
