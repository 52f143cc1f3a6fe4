import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { en } from '../../web/src/i18n/en';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { DashboardBrowser, DESKTOP, htmlLangDir, PHONE, seriousViolations, SHOTS, sidewaysOverflow } from '../support/dashboard-browser';
import { newBusiness, type TestBusiness } from '../support/factories';
import { localDate, localTime, newBookable, newCustomer, type Bookable } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

/**
 * The Appointments page in Chromium against the real app: book on a free
 * slot, a slot taken meanwhile refused with the API's message, reschedule with
 * the keyboard, cancel, attended and no-show; both languages, phone and desktop,
 * axe. Screenshots in test-output/dashboard/.
 */
const CATALOGUES: Record<'he' | 'en', Catalogue> = { he, en };
const STAFF = 'דנה לוי';
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k]);
/** A local date's Sunday-first week start (the page's weeks). */
const weekStart = (ymd: string) => {
  const day = new Date(`${ymd}T00:00:00Z`);
  return new Date(day.getTime() - day.getUTCDay() * 86_400_000).toISOString().slice(0, 10);
};

describe('the Appointments page in Chromium', () => {
  let t: TestApp;
  let chrome: DashboardBrowser;
  let owner: TestBusiness;
  let b: Bookable;

  const book = async (startsAt: string, extra: object) => {
    const res = await t.http
      .post('/api/appointments')
      .set(owner.auth)
      .send({ ...b, startsAt, ...extra });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; customerId: string };
  };
  const stored = async (id: string) => (await t.http.get(`/api/appointments/${id}`).set(owner.auth).expect(200)).body;
  const dayCard = (page: Page, date: string, text: string) => page.locator(`li.day[data-date="${date}"] .appt`).filter({ hasText: text });

  before(async () => {
    t = await startTestApp();
    chrome = await DashboardBrowser.start(t);
    owner = await newBusiness(t.http, { name: STAFF, businessName: 'מספרת דנה' });
    b = await newBookable(t.http, owner, { calendarName: STAFF, name: 'תספורת', duration: 30 });
    await t.http.post('/api/customers').set(owner.auth).send({ firstName: 'משה', lastName: 'כהן', phone: '052-1112233' }).expect(201);
    // Today's column is not empty in the screenshots.
    await book(localTime(0, '09:00'), { customer: newCustomer('שירה', 'לוי') });
    await book(localTime(0, '13:00'), { customer: newCustomer('אבי', 'מזרחי'), status: 'pending' });
  });

  after(async () => {
    await chrome?.close();
    await t?.close();
  });

  it('books on a free slot; a slot taken meanwhile is refused with the API’s message; reschedules with the keyboard; cancels', async () => {
    const { page, errors } = await chrome.open();
    await chrome.logIn(page, owner, '/dashboard/appointments');
    assert.deepEqual(await htmlLangDir(page), { lang: 'he', dir: 'rtl' });
    await page.locator('.week[aria-busy="false"]').waitFor();
    const day2 = localDate(2);
    const day3 = localDate(3);

    // Book 10:00 on a free slot for an existing customer found by a partial Hebrew search.
    await page.getByRole('button', { name: he['appointments.book'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: fill(he['appointments.bookTitle'], { calendar: STAFF }) });
    await dialog.getByLabel(he['slots.date'], { exact: true }).fill(day2);
    await dialog.getByRole('radio', { name: '10:00', exact: true }).check();
    await dialog.getByLabel(he['picker.search'], { exact: true }).fill('מש');
    await dialog.getByRole('radio', { name: /משה כהן/ }).check();
    await dialog.getByRole('button', { name: he['appointments.bookSubmit'], exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const moshe = dayCard(page, day2, 'משה כהן');
    await moshe.waitFor();
    assert.match(await moshe.innerText(), /10:00–10:30/);
    assert.match(await moshe.innerText(), new RegExp(he['appointments.status.confirmed']));

    // 11:00 is offered, then someone else takes it before the form is sent: the API's 409, next to the times.
    await page.getByRole('button', { name: he['appointments.book'], exact: true }).click();
    await dialog.getByLabel(he['slots.date'], { exact: true }).fill(day2);
    await dialog.getByRole('radio', { name: '11:00', exact: true }).check();
    await dialog.getByLabel(he['picker.search'], { exact: true }).fill('משה');
    await dialog.getByRole('radio', { name: /משה כהן/ }).check();
    await book(localTime(2, '11:00'), { customer: newCustomer('אורי', 'לוי') });
    await dialog.getByRole('button', { name: he['appointments.bookSubmit'], exact: true }).click();
    const slotError = dialog.locator('.slot-picker .field-error');
    await slotError.filter({ hasText: he['problem.appointment.conflict'] }).waitFor();
    await until('the taken time to leave the free times', async () => (await dialog.getByRole('radio', { name: '11:00' }).count()) === 0);
    await page.screenshot({ path: join(SHOTS, 'appointments-taken-slot-he.png') });

    // 12:00 instead, for a new customer typed in place.
    await dialog.getByRole('radio', { name: '12:00', exact: true }).check();
    await dialog.getByRole('radio', { name: he['picker.new'], exact: true }).check();
    await dialog.getByLabel(he['picker.firstName'], { exact: true }).fill('רונית');
    await dialog.getByLabel(he['picker.phone'], { exact: true }).fill('050-1231234');
    await dialog.getByRole('button', { name: he['appointments.bookSubmit'], exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await dayCard(page, day2, 'רונית').filter({ hasText: '12:00' }).waitFor();
    await dayCard(page, day2, 'אורי לוי').filter({ hasText: '11:00' }).waitFor();

    // A future appointment offers no attended / no-show.
    await moshe.click();
    const detail = page.getByRole('dialog', { name: fill(he['appointments.detailTitle'], { name: 'משה כהן' }) });
    await detail.waitFor();
    assert.equal(await detail.getByRole('button', { name: he['appointments.complete'] }).count(), 0);
    assert.equal(await detail.getByRole('button', { name: he['appointments.noShow'] }).count(), 0);
    assert.equal(await detail.getByRole('button', { name: he['appointments.confirm'] }).count(), 0, 'already confirmed');

    // Reschedule with the keyboard only: open "pick a new time", choose the day, arrow through the free times, send.
    await detail.getByRole('button', { name: he['appointments.reschedule'], exact: true }).focus();
    await page.keyboard.press('Enter');
    await detail.getByLabel(he['slots.date'], { exact: true }).fill(day3);
    const first = detail.getByRole('radio').first();
    await first.waitFor();
    await first.focus();
    await page.keyboard.press('Space');
    await until('14:00 to be chosen with the arrow keys', async () => {
      if (await detail.getByRole('radio', { name: '14:00', exact: true }).isChecked()) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await detail.waitFor({ state: 'detached' });
    const moved = dayCard(page, day3, 'משה כהן');
    await moved.waitFor();
    assert.match(await moved.innerText(), /14:00–14:30/);
    const mosheRow = (
      await t.http
        .get('/api/appointments')
        .query({ from: localTime(3, '00:00'), to: localTime(4, '00:00') })
        .set(owner.auth)
    ).body.data[0];
    assert.equal(mosheRow.localStartsAt.slice(0, 16), `${day3}T14:00`);

    // Cancel with a reason.
    await moved.click();
    await detail.getByRole('button', { name: he['appointments.cancel'], exact: true }).click();
    await detail.getByLabel(he['appointments.cancelReason'], { exact: true }).fill('הלקוח ביקש לדחות');
    await detail.getByRole('button', { name: he['appointments.cancelSubmit'], exact: true }).click();
    await detail.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: fill(he['appointments.done.cancel'], { name: 'משה כהן' }) })
      .waitFor();
    await moved.filter({ hasText: he['appointments.status.cancelled'] }).waitFor();
    const cancelled = await stored(mosheRow.id);
    assert.deepEqual([cancelled.status, cancelled.cancellationReason], ['cancelled', 'הלקוח ביקש לדחות']);
    await page.screenshot({ path: join(SHOTS, 'appointments-week-he.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });

  it('records attended and no-show once appointments have started, offering only what the API allows', async () => {
    const yesterday = localDate(-1);
    const attended = await book(localTime(-1, '10:00'), { customer: newCustomer('נועה', 'ברק') });
    const absent = await book(localTime(-1, '12:00'), { customer: newCustomer('יעל', 'גולן'), status: 'pending' });
    const { page, errors } = await chrome.open();
    await chrome.logIn(page, owner, '/dashboard/appointments');
    await page.locator('.week[aria-busy="false"]').waitFor();
    if (weekStart(yesterday) !== weekStart(localDate(0))) {
      await page.getByRole('button', { name: he['appointments.prevWeek'] }).click();
      await page.locator(`li.day[data-date="${yesterday}"]`).waitFor();
    }

    await dayCard(page, yesterday, 'נועה ברק').click();
    let detail = page.getByRole('dialog', { name: fill(he['appointments.detailTitle'], { name: 'נועה ברק' }) });
    assert.equal(await detail.getByRole('button', { name: he['appointments.confirm'] }).count(), 0);
    await detail.getByRole('button', { name: he['appointments.complete'], exact: true }).click();
    await detail.locator('.status').filter({ hasText: he['appointments.status.completed'] }).waitFor();
    assert.equal(await detail.getByRole('button', { name: he['appointments.cancel'] }).count(), 0, 'final: nothing more to do');
    await detail.getByRole('button', { name: he['appointments.close'], exact: true }).click();
    assert.equal((await stored(attended.id)).status, 'completed');

    await dayCard(page, yesterday, 'יעל גולן').click();
    detail = page.getByRole('dialog', { name: fill(he['appointments.detailTitle'], { name: 'יעל גולן' }) });
    await detail.getByRole('button', { name: he['appointments.confirm'], exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'appointments-detail-he.png') });
    await detail.getByRole('button', { name: he['appointments.noShow'], exact: true }).click();
    await detail.locator('.status').filter({ hasText: he['appointments.status.no_show'] }).waitFor();
    await detail.getByRole('button', { name: he['appointments.close'], exact: true }).click();
    assert.equal((await stored(absent.id)).status, 'no_show');
    await dayCard(page, yesterday, 'יעל גולן').filter({ hasText: he['appointments.status.no_show'] }).waitFor();
    assert.deepEqual(errors, []);
  });

  for (const lang of ['he', 'en'] as const) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      it(`in ${lang === 'he' ? 'Hebrew' : 'English'} on a ${size}: ${lang === 'he' ? 'rtl' : 'ltr'}, no serious or critical axe violation (the booking dialog too), a screenshot`, async () => {
        const m = CATALOGUES[lang];
        const { page, errors } = await chrome.open(viewport);
        await chrome.logIn(page, owner, '/dashboard/appointments');
        if (lang === 'en') {
          await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
          await page.locator('#page-title').filter({ hasText: en['appointments.title'] }).waitFor();
        }
        assert.deepEqual(await htmlLangDir(page), { lang, dir: lang === 'he' ? 'rtl' : 'ltr' });
        await page.locator('.week[aria-busy="false"]').waitFor();
        await page
          .locator(`li.day[data-date="${localDate(0)}"] .appt`)
          .first()
          .waitFor();
        if (size === 'desktop') {
          // Days run with the text: Sunday at the right in Hebrew, at the left in English.
          const sunday = await page.locator('li.day').first().boundingBox();
          const monday = await page.locator('li.day').nth(1).boundingBox();
          assert.ok(lang === 'he' ? sunday!.x > monday!.x : sunday!.x < monday!.x, 'day order follows the direction');
        }
        assert.ok((await sidewaysOverflow(page)) <= 0, `no sideways scroll at ${viewport.width}px`);
        const problems = await seriousViolations(page);
        await page.screenshot({ path: join(SHOTS, `appointments-calendar-${lang}-${size}.png`), fullPage: true });

        await page.getByRole('button', { name: m['appointments.book'], exact: true }).click();
        const dialog = page.getByRole('dialog', { name: fill(m['appointments.bookTitle'], { calendar: STAFF }) });
        await dialog.getByLabel(m['slots.date'], { exact: true }).fill(localDate(4));
        await dialog.getByRole('radio', { name: '09:00', exact: true }).waitFor();
        problems.push(...(await seriousViolations(page)).map((v) => `booking dialog: ${v}`));
        await page.screenshot({ path: join(SHOTS, `appointments-book-${lang}-${size}.png`) });
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        assert.deepEqual(problems, []);
        assert.deepEqual(errors, []);
      });
    }
  }
});
