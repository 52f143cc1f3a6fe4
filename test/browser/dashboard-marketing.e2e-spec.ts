import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { en } from '../../web/src/i18n/en';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { DashboardBrowser, DESKTOP, htmlLangDir, PHONE, seriousViolations, SHOTS, sidewaysOverflow } from '../support/dashboard-browser';
import { newBusiness, type TestBusiness } from '../support/factories';
import { newCustomer } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The Marketing page's audiences in Chromium against the real app: build a
 * rule (spend in ₪ → agorot), watch the live count, see the API's refusal at
 * the condition it names, save, edit, delete. Both languages, axe, screenshots.
 */
const CATALOGUES: Record<'he' | 'en', Catalogue> = { he, en };
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k]);
const NAME = 'לקוחות שהוציאו הרבה';

describe('the Marketing page in Chromium', () => {
  let t: TestApp;
  let chrome: DashboardBrowser;
  let owner: TestBusiness;

  before(async () => {
    t = await startTestApp();
    chrome = await DashboardBrowser.start(t);
    owner = await newBusiness(t.http, { name: 'דנה לוי', businessName: 'סטודיו דנה' });
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    for (const [first, last, spend] of [
      ['נועה', 'כהן', 80_000],
      ['דן', 'לוי', 30_000],
      ['מאיה', 'פרץ', 120_000],
    ] as const) {
      const res = await t.http.post('/api/customers').set(owner.auth).send(newCustomer(first, last));
      assert.equal(res.status, 201, JSON.stringify(res.body));
      await db.query('UPDATE customers SET total_spend_agorot = $2 WHERE id = $1', [res.body.id, spend]);
    }
    await db.end();
  });

  after(async () => {
    await chrome?.close();
    await t?.close();
  });

  it('builds an audience with a live count, shows a refusal at its condition, saves, edits and deletes it', async () => {
    const { page, errors } = await chrome.open();
    await chrome.logIn(page, owner, '/dashboard/marketing');
    await page.locator('.empty').filter({ hasText: he['segments.empty'] }).waitFor();

    await page.getByRole('button', { name: he['segments.new'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: he['segments.newTitle'] });
    await dialog.getByLabel(he['segments.field.name'], { exact: true }).fill(NAME);
    const first = dialog.getByRole('group', { name: fill(he['rules.condition'], { n: '1' }) });
    await first.getByLabel(he['rules.field'], { exact: true }).selectOption('totalSpendAgorot');
    await first.getByLabel(he['rules.operator'], { exact: true }).selectOption('>');
    await first.getByLabel(he['rules.shekels'], { exact: true }).fill('500');
    await dialog
      .locator('.segment-preview-count')
      .filter({ hasText: fill(he['segments.previewCount'], { count: '2' }) })
      .waitFor();
    assert.match(await dialog.locator('.segment-preview').innerText(), /נועה כהן/);

    // A custom field whose key the API refuses: the message stands at that condition.
    await dialog.getByRole('button', { name: he['rules.addCondition'], exact: true }).click();
    const second = dialog.getByRole('group', { name: fill(he['rules.condition'], { n: '2' }) });
    await second.getByLabel(he['rules.field'], { exact: true }).selectOption('customField');
    await second.getByLabel(he['rules.key'], { exact: true }).fill("a'b");
    await second.getByLabel(he['rules.operator'], { exact: true }).selectOption('exists');
    await second.locator('.field-error').waitFor();
    await page.screenshot({ path: join(SHOTS, 'marketing-rule-error-he.png') });
    await second.getByRole('button', { name: fill(he['rules.removeCondition'], { n: '2' }) }).click();
    await dialog
      .locator('.segment-preview-count')
      .filter({ hasText: fill(he['segments.previewCount'], { count: '2' }) })
      .waitFor();

    // Words the API does not read are refused next to the box; the rules typed so far stay.
    await dialog.getByLabel(he['segments.words'], { exact: true }).fill('לקוחות שאוהבים חתולים');
    await dialog.getByRole('button', { name: he['segments.wordsRead'], exact: true }).click();
    await dialog.locator('.field-error').filter({ hasText: 'חתולים' }).waitFor();
    assert.equal(await first.getByLabel(he['rules.shekels'], { exact: true }).inputValue(), '500');

    await dialog.getByRole('button', { name: he['segments.save'], exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.segments-table tbody tr').filter({ hasText: NAME }).waitFor();
    const saved = (await t.http.get('/api/segments').set(owner.auth).expect(200)).body.data[0];
    assert.deepEqual(saved.rule, { match: 'all', rules: [{ field: 'totalSpendAgorot', operator: '>', value: 50_000 }] });

    await page.getByRole('button', { name: fill(he['segments.editNamed'], { name: NAME }) }).click();
    const edit = page.getByRole('dialog', { name: he['segments.editTitle'] });
    assert.equal(await edit.getByLabel(he['rules.shekels'], { exact: true }).inputValue(), '500');
    await edit.getByLabel(he['rules.shekels'], { exact: true }).fill('1000');
    await edit
      .locator('.segment-preview-count')
      .filter({ hasText: fill(he['segments.previewCount'], { count: '1' }) })
      .waitFor();
    await edit.getByRole('button', { name: he['segments.save'], exact: true }).click();
    await edit.waitFor({ state: 'detached' });
    const count = (await t.http.get(`/api/segments/${saved.id}`).set(owner.auth).expect(200)).body.count;
    assert.equal(count, 1);

    // A description read into rules: the builder shows them and the count follows.
    await page.getByRole('button', { name: he['segments.new'], exact: true }).click();
    const words = page.getByRole('dialog', { name: he['segments.newTitle'] });
    await words.getByLabel(he['segments.words'], { exact: true }).fill('הוציאו מעל 1,000 ₪');
    await words.getByRole('button', { name: he['segments.wordsRead'], exact: true }).click();
    await words
      .locator('.segment-preview-count')
      .filter({ hasText: fill(he['segments.previewCount'], { count: '1' }) })
      .waitFor();
    assert.equal(await words.getByLabel(he['rules.shekels'], { exact: true }).inputValue(), '1000');
    assert.equal(await words.getByLabel(he['segments.field.name'], { exact: true }).inputValue(), 'הוציאו מעל 1,000 ₪');
    await page.keyboard.press('Escape');
    await words.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: fill(he['segments.deleteNamed'], { name: NAME }) }).click();
    await page
      .getByRole('dialog', { name: he['segments.deleteTitle'] })
      .getByRole('button', { name: he['segments.delete'], exact: true })
      .click();
    await page.locator('.empty').filter({ hasText: he['segments.empty'] }).waitFor();
    assert.deepEqual(errors, []);
  });

  for (const lang of ['he', 'en'] as const) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      it(`in ${lang === 'he' ? 'Hebrew' : 'English'} on a ${size}: ${lang === 'he' ? 'rtl' : 'ltr'}, no serious or critical axe violation (the builder too), a screenshot`, async () => {
        const m = CATALOGUES[lang];
        await t.http
          .post('/api/segments')
          .set(owner.auth)
          .send({ name: `VIP ${lang} ${size}`, rule: { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: 'VIP' }] } });
        const { page, errors } = await chrome.open(viewport);
        await chrome.logIn(page, owner, '/dashboard/marketing');
        if (lang === 'en') {
          await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
          await page.locator('#page-title').filter({ hasText: en['marketing.title'] }).waitFor();
        }
        assert.deepEqual(await htmlLangDir(page), { lang, dir: lang === 'he' ? 'rtl' : 'ltr' });
        await page.locator('.segments-table tbody tr').first().waitFor();
        assert.ok((await sidewaysOverflow(page)) <= 0, `no sideways scroll at ${viewport.width}px`);
        const problems = await seriousViolations(page);
        await page.screenshot({ path: join(SHOTS, `marketing-segments-${lang}-${size}.png`), fullPage: true });

        await page.getByRole('button', { name: m['segments.new'], exact: true }).click();
        const dialog = page.getByRole('dialog', { name: m['segments.newTitle'] });
        await dialog.locator('.segment-preview-count').filter({ hasText: m['segments.previewIncomplete'] }).waitFor();
        const first = dialog.getByRole('group', { name: fill(m['rules.condition'], { n: '1' }) });
        await first.getByLabel(m['rules.field'], { exact: true }).selectOption('visitCount');
        await first.getByLabel(m['rules.operator'], { exact: true }).selectOption('>=');
        await first.getByLabel(m['rules.value'], { exact: true }).fill('0');
        await dialog.getByRole('button', { name: m['rules.addGroup'], exact: true }).click();
        const nested = dialog.getByRole('group', { name: fill(m['rules.condition'], { n: '1' }) }).nth(1);
        await nested.getByLabel(m['rules.field'], { exact: true }).selectOption('tags');
        await nested.getByLabel(m['rules.operator'], { exact: true }).selectOption('exists');
        await nested.getByLabel(m['rules.value'], { exact: true }).selectOption('false');
        await dialog
          .locator('.segment-preview-count')
          .filter({ hasText: fill(m['segments.previewCount'], { count: '3' }) })
          .waitFor();
        problems.push(...(await seriousViolations(page)).map((v) => `builder: ${v}`));
        assert.ok((await sidewaysOverflow(page)) <= 0, `no sideways scroll in the builder at ${viewport.width}px`);
        await page.screenshot({ path: join(SHOTS, `marketing-builder-${lang}-${size}.png`) });
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        assert.deepEqual(problems, []);
        assert.deepEqual(errors, []);
      });
    }
  }
});
