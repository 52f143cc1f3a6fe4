import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { en } from '../../web/src/i18n/en';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { DashboardBrowser, DESKTOP, htmlLangDir, PHONE, seriousViolations, SHOTS, sidewaysOverflow } from '../support/dashboard-browser';
import { newBusiness, type TestBusiness } from '../support/factories';
import { localDate, newCustomer } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The Events page in Chromium against the real app: create (Hebrew title,
 * local time in the business time zone, ₪ → agorot), publish, two people
 * register over a capacity of 1 through the public API, cancelling the first
 * in the dashboard promotes the waitlisted one. Both languages, axe, screenshots.
 */
const CATALOGUES: Record<'he' | 'en', Catalogue> = { he, en };
const TITLE = 'סדנת קרמיקה למתחילים';
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k]);

describe('the Events page in Chromium', () => {
  let t: TestApp;
  let chrome: DashboardBrowser;
  let owner: TestBusiness;
  let slug = '';

  before(async () => {
    t = await startTestApp();
    chrome = await DashboardBrowser.start(t);
    owner = await newBusiness(t.http, { name: 'דנה לוי', businessName: 'סטודיו דנה' });
    slug = (await t.http.get('/api/business').set(owner.auth).expect(200)).body.slug;
  });

  after(async () => {
    await chrome?.close();
    await t?.close();
  });

  it('creates an event (the API refusal next to its field first), publishes it, and a cancelled registration promotes the waitlist', async () => {
    const { page, errors } = await chrome.open();
    await chrome.logIn(page, owner, '/dashboard/events');
    await page.locator('.empty').filter({ hasText: he['events.emptyUpcoming'] }).waitFor();
    const date = localDate(3);

    await page.getByRole('button', { name: he['events.new'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: he['events.newTitle'] });
    await dialog.getByLabel(he['events.field.title'], { exact: true }).fill(TITLE);
    await dialog.getByLabel(he['events.field.date'], { exact: true }).fill(date);
    await dialog.getByLabel(he['events.field.start'], { exact: true }).fill('18:00');
    await dialog.getByLabel(he['events.field.end'], { exact: true }).fill('17:00');
    await dialog.getByLabel(he['events.field.capacity'], { exact: true }).fill('1');
    await dialog.getByLabel(he['events.field.price'], { exact: true }).fill('180');
    await dialog.getByRole('button', { name: he['events.save'], exact: true }).click();
    // The API refuses an end before the start: its message, in Hebrew, next to a time field; nothing typed is lost.
    await dialog.locator('.field-error').filter({ hasText: he['problem.event.invalid_times'] }).waitFor();
    assert.equal(await dialog.getByLabel(he['events.field.title'], { exact: true }).inputValue(), TITLE);
    await page.screenshot({ path: join(SHOTS, 'events-field-error-he.png') });
    await dialog.getByLabel(he['events.field.end'], { exact: true }).fill('20:30');
    await dialog.getByRole('button', { name: he['events.save'], exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('.events-table tbody tr').filter({ hasText: TITLE });
    await row.filter({ hasText: he['events.status.draft'] }).waitFor();
    assert.match(await row.innerText(), /18:00–20:30/);

    const created = (await t.http.get('/api/events').set(owner.auth).expect(200)).body.data[0];
    assert.deepEqual(
      [
        created.title,
        created.localStartsAt.slice(0, 16),
        created.localEndsAt.slice(0, 16),
        created.capacity,
        created.priceAgorot,
        created.status,
      ],
      [TITLE, `${date}T18:00`, `${date}T20:30`, 1, 18000, 'draft'],
    );

    await page.getByRole('button', { name: `${he['events.publish']} ${TITLE}` }).click();
    await row.filter({ hasText: he['events.status.published'] }).waitFor();

    // Two people register through the public API over a capacity of 1: the second waits.
    const register = (firstName: string, lastName: string) =>
      t.http.post(`/api/public/${slug}/events/${created.id}/register`).send({ customer: newCustomer(firstName, lastName) });
    const first = await register('נועה', 'כהן');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const second = await register('דן', 'לוי');
    assert.equal(second.status, 201, JSON.stringify(second.body));

    await page.reload();
    await row.filter({ hasText: he['events.full'] }).waitFor();
    await page.getByRole('button', { name: `${he['events.registrations']} ${TITLE}` }).click();
    const regs = page.getByRole('dialog', { name: fill(he['events.regTitle'], { title: TITLE }) });
    const confirmed = regs.locator('.reg-list[data-status="confirmed"] li');
    const waitlisted = regs.locator('.reg-list[data-status="waitlisted"] li');
    await confirmed.filter({ hasText: 'נועה כהן' }).waitFor();
    await waitlisted.filter({ hasText: 'דן לוי' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'events-registrations-he.png') });

    await regs.getByRole('button', { name: `${he['events.cancelReg']} נועה כהן` }).click();
    await regs
      .getByRole('status')
      .filter({ hasText: fill(he['events.promoted'], { name: 'דן לוי' }) })
      .waitFor();
    await confirmed.filter({ hasText: 'דן לוי' }).filter({ hasText: he['events.promotedBadge'] }).waitFor();
    await regs.locator('.reg-list[data-status="cancelled"] li').filter({ hasText: 'נועה כהן' }).waitFor();
    assert.equal(await waitlisted.count(), 0);
    await page.screenshot({ path: join(SHOTS, 'events-promoted-he.png') });
    await regs.getByRole('button', { name: he['events.close'], exact: true }).click();

    const stored = (await t.http.get(`/api/events/${created.id}/registrations`).set(owner.auth).expect(200)).body.data as {
      status: string;
      customer: { firstName: string };
      promotedAt: string | null;
    }[];
    const byName = Object.fromEntries(stored.map((r) => [r.customer.firstName, r]));
    assert.equal(byName['נועה'].status, 'cancelled');
    assert.equal(byName['דן'].status, 'confirmed');
    assert.ok(byName['דן'].promotedAt);
    await row.filter({ hasText: fill(he['events.places'], { confirmed: '1', capacity: '1' }) }).waitFor();
    assert.deepEqual(errors, []);
  });

  for (const lang of ['he', 'en'] as const) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      it(`in ${lang === 'he' ? 'Hebrew' : 'English'} on a ${size}: ${lang === 'he' ? 'rtl' : 'ltr'}, no serious or critical axe violation (the dialogs too), a screenshot`, async () => {
        const m = CATALOGUES[lang];
        const { page, errors } = await chrome.open(viewport);
        await chrome.logIn(page, owner, '/dashboard/events');
        if (lang === 'en') {
          await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
          await page.locator('#page-title').filter({ hasText: en['events.title'] }).waitFor();
        }
        assert.deepEqual(await htmlLangDir(page), { lang, dir: lang === 'he' ? 'rtl' : 'ltr' });
        await page.locator('.events-table tbody tr').first().waitFor();
        assert.ok((await sidewaysOverflow(page)) <= 0, `no sideways scroll at ${viewport.width}px`);
        const problems = await seriousViolations(page);
        await page.screenshot({ path: join(SHOTS, `events-list-${lang}-${size}.png`), fullPage: true });

        await page.getByRole('button', { name: `${m['events.registrations']} ${TITLE}` }).click();
        const regs = page.getByRole('dialog', { name: fill(m['events.regTitle'], { title: TITLE }) });
        await regs.locator('.reg-list li').first().waitFor();
        problems.push(...(await seriousViolations(page)).map((v) => `registrations: ${v}`));
        await page.keyboard.press('Escape');
        await regs.waitFor({ state: 'detached' });

        await page.getByRole('button', { name: m['events.new'], exact: true }).click();
        const dialog = page.getByRole('dialog', { name: m['events.newTitle'] });
        await dialog.waitFor();
        problems.push(...(await seriousViolations(page)).map((v) => `new event: ${v}`));
        await page.screenshot({ path: join(SHOTS, `events-new-${lang}-${size}.png`) });
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        assert.deepEqual(problems, []);
        assert.deepEqual(errors, []);
      });
    }
  }
});
