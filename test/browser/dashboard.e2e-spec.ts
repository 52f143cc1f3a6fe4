import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { en } from '../../web/src/i18n/en';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { DashboardBrowser, DESKTOP, htmlLangDir, PHONE, seriousViolations, SHOTS } from '../support/dashboard-browser';
import { newBusiness, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

// Browser globals used inside page.evaluate() callbacks: this file compiles without the DOM library.
declare const document: {
  documentElement: { lang: string; dir: string; scrollWidth: number; clientWidth: number };
  activeElement: { getAttribute(name: string): string | null } | null;
};
declare const localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };

/**
 * The provider dashboard in Debian's Chromium, headless, against the real app
 * listening on a port (its answers checked against the OpenAPI document as in
 * every e2e test). Screenshots go to test-output/dashboard/.
 */
const CATALOGUES: Record<'he' | 'en', Catalogue> = { he, en };

/** Every page of the shell: its path and the nav entry that names it. */
const PAGES = [
  { id: 'home', path: '/dashboard', nav: 'nav.home' },
  { id: 'customers', path: '/dashboard/customers', nav: 'nav.customers' },
  { id: 'appointments', path: '/dashboard/appointments', nav: 'nav.appointments' },
  { id: 'events', path: '/dashboard/events', nav: 'nav.events' },
  { id: 'payments', path: '/dashboard/payments', nav: 'nav.payments' },
  { id: 'notifications', path: '/dashboard/notifications', nav: 'nav.notifications' },
  { id: 'settings', path: '/dashboard/settings', nav: 'nav.settings' },
] as const;

describe('the provider dashboard in Chromium', () => {
  let t: TestApp;
  let dash: DashboardBrowser;
  let base: string;
  let owner: TestBusiness;

  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http, { name: 'דנה לוי', businessName: 'סטודיו דנה' });
    const other = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName: 'משה', lastName: 'כהן', phone: '052-1112233', tags: ['VIP'] });
    assert.equal(other.status, 201, JSON.stringify(other.body));
    dash = await DashboardBrowser.start(t);
    base = dash.base;
  });

  after(async () => {
    await dash?.close();
    await t?.close();
  });

  const open = (viewport = DESKTOP) => dash.open(viewport);
  const logIn = (page: Page, m: Catalogue = he) => dash.logIn(page, owner, '/dashboard', m);

  const rowNames = (page: Page) => page.locator('.customers-table tbody th').allInnerTexts();

  async function waitForRows(page: Page, what: string, test: (names: string[]) => boolean): Promise<string[]> {
    return until(
      what,
      async () => {
        if ((await page.locator('.customers-table[aria-busy="true"]').count()) > 0) return null;
        const names = (await rowNames(page)).map((n) => n.replace(/\s+/g, ' ').trim());
        return test(names) ? names : null;
      },
      15_000,
      async () => `rows: ${JSON.stringify(await rowNames(page))}`,
    );
  }

  it('logs in; creates a customer (the API refusal shown next to its field first); finds it by partial Hebrew search; edits, archives, restores', async () => {
    const { page, errors } = await open();
    await logIn(page);
    assert.deepEqual(await htmlLangDir(page), { lang: 'he', dir: 'rtl' });
    assert.equal(await page.locator('h1').innerText(), 'שלום, דנה לוי');

    await page.getByRole('navigation', { name: he['nav.label'] }).getByRole('link', { name: he['nav.customers'], exact: true }).click();
    await page.waitForURL(`${base}/dashboard/customers`);
    await waitForRows(page, 'the seeded customer', (names) => names.includes('משה כהן'));

    // A phone the API refuses: its message sits under the phone field, and nothing typed is lost.
    await page.getByRole('button', { name: he['customers.new'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: he['customerForm.newTitle'] });
    await dialog.getByLabel(he['customerForm.firstName'], { exact: true }).fill('רותם');
    await dialog.getByLabel(he['customerForm.lastName'], { exact: true }).fill('אברהמי');
    const phone = dialog.getByLabel(he['customerForm.phone'], { exact: true });
    await phone.fill('12345');
    await dialog.getByRole('button', { name: he['customerForm.save'], exact: true }).click();
    const phoneField = dialog.locator('.field').filter({ has: page.getByLabel(he['customerForm.phone'], { exact: true }) });
    await phoneField.locator('.field-error').waitFor();
    assert.equal(await phoneField.locator('.field-error').innerText(), he['problem.field.phone']);
    assert.equal(await phone.getAttribute('aria-invalid'), 'true');
    assert.match(
      (await phone.getAttribute('aria-describedby')) ?? '',
      new RegExp(await phoneField.locator('.field-error').getAttribute('id').then(String)),
    );
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'phone', 'focus moves to the field in error');
    assert.equal(await dialog.getByLabel(he['customerForm.firstName'], { exact: true }).inputValue(), 'רותם');
    await page.screenshot({ path: join(SHOTS, 'customers-field-error-he.png') });

    await phone.fill('050-7654321');
    await dialog.getByRole('button', { name: he['customerForm.save'], exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'רותם אברהמי נוסף/ה ללקוחות.' }).waitFor();
    await waitForRows(page, 'the new customer in the list', (names) => names.includes('רותם אברהמי'));

    // The same phone again: the API's conflict, next to the phone field.
    await page.getByRole('button', { name: he['customers.new'], exact: true }).click();
    await dialog.getByLabel(he['customerForm.firstName'], { exact: true }).fill('עוד');
    await phone.fill('0507654321');
    await dialog.getByRole('button', { name: he['customerForm.save'], exact: true }).click();
    await phoneField.locator('.field-error').filter({ hasText: he['problem.customer.phone_taken'] }).waitFor();
    await dialog.getByRole('button', { name: he['customerForm.cancel'], exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // Partial Hebrew search: a piece of the last name finds her, and only her.
    await page.getByLabel(he['customers.search'], { exact: true }).fill('אברה');
    assert.deepEqual(await waitForRows(page, 'the search to narrow the list', (names) => names.length === 1), ['רותם אברהמי']);
    await page.getByLabel(he['customers.search'], { exact: true }).fill('כה');
    assert.deepEqual(await waitForRows(page, 'the second search', (names) => names.length === 1 && names[0] !== 'רותם אברהמי'), [
      'משה כהן VIP'.replace(' VIP', ''),
    ]);
    await page.getByLabel(he['customers.search'], { exact: true }).fill('רותם');
    await waitForRows(page, 'the third search', (names) => names.length === 1 && names[0] === 'רותם אברהמי');

    // Edit: only the email changes.
    await page.getByRole('button', { name: `${he['customers.edit']} רותם אברהמי` }).click();
    const editDialog = page.getByRole('dialog', { name: he['customerForm.editTitle'] });
    assert.equal(await editDialog.getByLabel(he['customerForm.phone'], { exact: true }).inputValue(), '050-765-4321');
    await editDialog.getByLabel(he['customerForm.email'], { exact: true }).fill('rotem@example.co.il');
    await editDialog.getByRole('button', { name: he['customerForm.save'], exact: true }).click();
    await editDialog.waitFor({ state: 'detached' });
    await page.locator('.customers-table tbody tr').filter({ hasText: 'rotem@example.co.il' }).waitFor();

    // Archive, find her among the archived, restore.
    await page.getByRole('button', { name: `${he['customers.archive']} רותם אברהמי` }).click();
    await waitForRows(page, 'the archived customer to leave the active list', (names) => names.length === 0);
    await page.getByLabel(he['customers.filter'], { exact: true }).selectOption('archived');
    await waitForRows(page, 'the archived list', (names) => names.length === 1 && names[0].startsWith('רותם אברהמי'));
    await page.getByRole('button', { name: `${he['customers.restore']} רותם אברהמי` }).click();
    await waitForRows(page, 'the restored customer to leave the archive', (names) => names.length === 0);

    const stored = await t.http.get('/api/customers').query({ q: 'רותם' }).set(owner.auth).expect(200);
    assert.equal(stored.body.data.length, 1);
    assert.equal(stored.body.data[0].phone, '+972507654321');
    assert.equal(stored.body.data[0].email, 'rotem@example.co.il');
    assert.equal(stored.body.data[0].archived, false);
    assert.deepEqual(errors, []);
  });

  it('imports a CSV with a live progress bar to 100 % and the report of the failed row; exports the list; shows a timeline', async () => {
    const { page, errors } = await open();
    await logIn(page);
    await page.goto(`${base}/dashboard/customers`);
    await page.locator('#page-title').filter({ hasText: he['customers.title'] }).waitFor();

    const names = ['נועה', 'יעל', 'תמר', 'מאיה', 'שירה', 'עומר', 'איתי', 'יונתן', 'דניאל', 'אריאל'];
    const rows = Array.from({ length: 300 }, (_, i) => `${i === 0 ? 'אורית' : names[i % 10]},ייבוא,+97254${String(i).padStart(7, '0')}`);
    rows[41] = 'שגויה,ייבוא,12345';
    const csv = `\uFEFFשם פרטי,שם משפחה,טלפון\n${rows.join('\n')}\n`;
    await page.getByRole('button', { name: he['customers.import'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: he['import.title'] });
    await dialog.getByLabel(he['import.file'], { exact: true }).setInputFiles({
      name: 'לקוחות.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await dialog.getByRole('button', { name: he['import.start'], exact: true }).click();
    const progress = dialog.locator('progress#import-progress');
    await progress.waitFor();
    const percents = new Set<number>();
    await until('the progress bar at 100 %', async () => {
      const value = Number(await progress.getAttribute('value'));
      percents.add(value);
      return value === 100 ? value : null;
    });
    await until(
      'the report',
      async () =>
        (await dialog.getByRole('status').count()) && /נוספו 299,/.test(await dialog.getByRole('status').innerText()) ? true : null,
      15_000,
      async () => dialog.innerText(),
    );
    assert.match(await dialog.locator('.import-percent').innerText(), /300 מתוך 300 שורות \(100%\)/);
    const failed = dialog.getByRole('table', { name: he['import.errors'] });
    assert.equal(await failed.locator('tbody tr').count(), 1);
    assert.match(await failed.locator('tbody tr').innerText(), /43[\s\S]*phone/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(SHOTS, 'customers-import-he.png') });
    await dialog.getByRole('button', { name: he['import.close'], exact: true }).click();
    const imported = await t.http.get('/api/customers').query({ q: 'ייבוא', limit: 1 }).set(owner.auth).expect(200);
    assert.equal(imported.body.meta.total, 299);

    // Filters: a tag, then marketing consent (none of the imported rows gave any).
    await page.getByLabel(he['customers.filterTag'], { exact: true }).fill('VIP');
    await waitForRows(page, 'the VIP tag', (found) => found.length === 1 && found[0] === 'משה כהן');
    await page.getByLabel(he['customers.filterTag'], { exact: true }).fill('');
    await page.getByLabel(he['customers.filterConsent'], { exact: true }).selectOption('email');
    await waitForRows(page, 'email consent', (found) => found.length === 0);
    await page.getByLabel(he['customers.filterConsent'], { exact: true }).selectOption('');

    // Export: the list as the page shows it (search applied), headers in Hebrew.
    await page.getByLabel(he['customers.search'], { exact: true }).fill('אורית');
    await waitForRows(page, 'the search for אורית', (found) => found.length === 1 && found[0] === 'אורית ייבוא');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: he['customers.export'], exact: true }).click(),
    ]);
    const exported = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.match(exported[0], /שם פרטי/);
    assert.equal(exported.length, 2, exported.join('\n'));
    assert.match(exported[1], /אורית/);
    assert.match(download.suggestedFilename(), /\.csv$/);

    // The timeline of one imported customer, after a change to it through the API.
    const orit = await t.http.get('/api/customers').query({ q: 'אורית' }).set(owner.auth).expect(200);
    await t.http.patch(`/api/customers/${orit.body.data[0].id}`).set(owner.auth).send({ notes: 'מעדיפה בוקר' }).expect(200);
    const entries = await t.http.get(`/api/customers/${orit.body.data[0].id}/timeline`).set(owner.auth).expect(200);
    assert.ok(entries.body.data.length >= 1);
    await page.getByRole('button', { name: `${he['customers.timeline']} אורית ייבוא`, exact: true }).click();
    const timeline = page.getByRole('dialog', { name: he['timeline.title'].replace('{name}', 'אורית ייבוא') });
    await timeline.locator('.timeline li').first().waitFor();
    assert.equal(await timeline.locator('.timeline li').count(), entries.body.data.length);
    assert.equal((await timeline.locator('.timeline-summary').first().innerText()).trim(), entries.body.data[0].summary);
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(SHOTS, 'customers-timeline-he.png') });
    assert.deepEqual(errors, []);
  });

  it('switches to English and back: <html dir lang> flip, and the choice survives a reload', async () => {
    const { page, errors } = await open();
    await logIn(page);
    await page.goto(`${base}/dashboard/customers`);
    await page.locator('#page-title').filter({ hasText: he['customers.title'] }).waitFor();

    await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
    await page.locator('#page-title').filter({ hasText: en['customers.title'] }).waitFor();
    assert.deepEqual(await htmlLangDir(page), { lang: 'en', dir: 'ltr' });
    await page.reload();
    await page.locator('#page-title').filter({ hasText: en['customers.title'] }).waitFor();
    assert.deepEqual(await htmlLangDir(page), { lang: 'en', dir: 'ltr' });
    assert.equal(await page.evaluate(() => localStorage.getItem('chatgrow.lang')), 'en');

    await page.getByRole('button', { name: en['lang.toggle'], exact: true }).click();
    await page.locator('#page-title').filter({ hasText: he['customers.title'] }).waitFor();
    assert.deepEqual(await htmlLangDir(page), { lang: 'he', dir: 'rtl' });
    await page.reload();
    await page.locator('#page-title').filter({ hasText: he['customers.title'] }).waitFor();
    assert.deepEqual(await htmlLangDir(page), { lang: 'he', dir: 'rtl' });
    assert.deepEqual(errors, []);
  });

  it("with no choice stored, the business's locale decides the language", async () => {
    await t.http.patch('/api/business').set(owner.auth).send({ locale: 'en' }).expect(200);
    try {
      const { page, errors } = await open();
      await logIn(page);
      await page.locator('#page-title').filter({ hasText: 'Hello, דנה לוי' }).waitFor();
      assert.deepEqual(await htmlLangDir(page), { lang: 'en', dir: 'ltr' });
      assert.deepEqual(errors, []);
    } finally {
      await t.http.patch('/api/business').set(owner.auth).send({ locale: 'he' }).expect(200);
    }
  });

  for (const lang of ['he', 'en'] as const) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      it(`every page in ${lang === 'he' ? 'Hebrew' : 'English'} on a ${size}: ${lang === 'he' ? 'rtl' : 'ltr'}, no serious or critical axe violation, a screenshot`, async () => {
        const m = CATALOGUES[lang];
        const { page, errors } = await open(viewport);
        await logIn(page);
        if (lang === 'en') {
          await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
          await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
        }
        const problems: string[] = [];
        for (const target of PAGES) {
          if (size === 'phone') {
            // On a phone the navigation sits behind the menu button.
            const menu = page.getByRole('button', { name: m['nav.menu'] });
            await menu.click();
            assert.equal(await menu.getAttribute('aria-expanded'), 'true');
          }
          await page.getByRole('navigation', { name: m['nav.label'] }).getByRole('link', { name: m[target.nav], exact: true }).click();
          await page.waitForURL(`${base}${target.path}`);
          await page.locator('#page-title').waitFor();
          assert.equal(await page.locator(`#main-nav a[aria-current="page"]`).innerText(), m[target.nav]);
          assert.deepEqual(await htmlLangDir(page), { lang, dir: lang === 'he' ? 'rtl' : 'ltr' }, target.path);
          if (target.id === 'customers') await waitForRows(page, 'the customer list', (names) => names.length > 0);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${target.path} scrolls sideways by ${overflow}px at ${viewport.width}px`);
          problems.push(...(await seriousViolations(page)).map((v) => `${target.path}: ${v}`));
          await page.screenshot({ path: join(SHOTS, `${target.id}-${lang}-${size}.png`), fullPage: true });
        }
        await page.goto(`${base}/dashboard/login`);
        assert.deepEqual(errors, []);
        assert.deepEqual(problems, []);
      });
    }
  }

  it('the login page passes axe in both languages and is keyboard-operable', async () => {
    const { page, errors } = await open();
    await page.goto(`${base}/dashboard/login`);
    await page.locator('#page-title').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(SHOTS, 'login-he-desktop.png') });
    // Tab order: language toggle, email, password, submit; Enter submits.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'email');
    await page.keyboard.type(owner.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(owner.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/dashboard`);
    await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
    await page.getByRole('button', { name: en['auth.logout'], exact: true }).click();
    await page.waitForURL(/\/dashboard\/login$/);
    assert.deepEqual(await htmlLangDir(page), { lang: 'en', dir: 'ltr' });
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(SHOTS, 'login-en-desktop.png') });
    assert.deepEqual(errors, []);
  });

  it('an expired access token is refreshed (the refresh token rotates) without the person noticing', async () => {
    const { page, errors } = await open();
    await logIn(page);
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('chatgrow.session')!) as { refreshToken: string });
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('chatgrow.session')!);
      localStorage.setItem('chatgrow.session', JSON.stringify({ ...session, accessToken: 'expired' }));
    });
    await page.getByRole('navigation', { name: he['nav.label'] }).getByRole('link', { name: he['nav.customers'], exact: true }).click();
    await waitForRows(page, 'the list after a refresh', (names) => names.length > 0);
    const after = await page.evaluate(
      () => JSON.parse(localStorage.getItem('chatgrow.session')!) as { refreshToken: string; accessToken: string },
    );
    assert.notEqual(after.accessToken, 'expired');
    assert.notEqual(after.refreshToken, before.refreshToken);
    // The old refresh token was spent.
    await t.http.post('/api/auth/refresh').send({ refreshToken: before.refreshToken }).expect(401);
    assert.deepEqual(errors, []);
  });

  it('a session that cannot be refreshed asks for the password over the page, keeps the form, then saves it', async () => {
    const { page, errors } = await open();
    await logIn(page);
    await page.goto(`${base}/dashboard/customers`);
    await waitForRows(page, 'the list', (names) => names.length > 0);
    await page.getByRole('button', { name: he['customers.new'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: he['customerForm.newTitle'] });
    await dialog.getByLabel(he['customerForm.firstName'], { exact: true }).fill('נועה');
    await dialog.getByLabel(he['customerForm.lastName'], { exact: true }).fill('ברק');
    await dialog.getByLabel(he['customerForm.email'], { exact: true }).fill('noa@example.co.il');

    // The session ends elsewhere (logged out on another device): its refresh token is revoked.
    const session = await page.evaluate(
      () => JSON.parse(localStorage.getItem('chatgrow.session')!) as { accessToken: string; refreshToken: string },
    );
    await t.http
      .post('/api/auth/logout')
      .set({ Authorization: `Bearer ${session.accessToken}` })
      .send({ refreshToken: session.refreshToken });
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('chatgrow.session')!);
      localStorage.setItem('chatgrow.session', JSON.stringify({ ...s, accessToken: 'expired' }));
    });

    await dialog.getByRole('button', { name: he['customerForm.save'], exact: true }).click();
    const expired = page.getByRole('dialog', { name: he['login.expiredTitle'] });
    await expired.waitFor();
    assert.equal(await expired.getByLabel(he['login.email'], { exact: true }).inputValue(), owner.email);
    await page.screenshot({ path: join(SHOTS, 'session-expired-he.png') });
    await expired.getByLabel(he['login.password'], { exact: true }).fill(owner.password);
    await expired.getByRole('button', { name: he['login.submit'], exact: true }).click();

    // The save that met the 401 goes through with what was typed.
    await expired.waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'detached' });
    await waitForRows(page, 'the customer saved after logging in again', (names) => names.includes('נועה ברק'));
    assert.equal(page.url(), `${base}/dashboard/customers`);
    assert.deepEqual(errors, []);
  });
});
