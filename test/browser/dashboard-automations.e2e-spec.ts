import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { en } from '../../web/src/i18n/en';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { DashboardBrowser, DESKTOP, htmlLangDir, PHONE, seriousViolations, SHOTS, sidewaysOverflow } from '../support/dashboard-browser';
import { newBusiness, newMember, TEST_PASSWORD, type TestBusiness } from '../support/factories';
import { newCustomer } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

/**
 * The Marketing page's automations in Chromium against the real app: build a
 * rule (trigger, a condition, ordered actions), see the API's refusals at the
 * action and the condition they name, save; fire it by tagging a customer and
 * watch the run complete in the runs view; turn it off, edit, delete. Staff
 * see no edit controls. Both languages, axe, screenshots.
 */
const CATALOGUES: Record<'he' | 'en', Catalogue> = { he, en };
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k]);
const NAME = 'ברוכים הבאים ל-VIP';
const BODY = 'שלום {{ customer.firstName }}, ברוכה הבאה למועדון!';

describe('the Marketing page automations in Chromium', () => {
  let t: TestApp;
  let chrome: DashboardBrowser;
  let owner: TestBusiness;
  let customerId: string;

  before(async () => {
    t = await startTestApp();
    chrome = await DashboardBrowser.start(t);
    owner = await newBusiness(t.http, { name: 'דנה לוי', businessName: 'סטודיו דנה' });
    const res = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ ...newCustomer('נועה', 'כהן'), email: 'noa@example.co.il' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    customerId = res.body.id;
  });

  after(async () => {
    await chrome?.close();
    await t?.close();
  });

  it('builds a rule, shows refusals where they belong, fires it, shows the completed run, turns it off, edits and deletes it', async () => {
    const { page, errors } = await chrome.open();
    await chrome.logIn(page, owner, '/dashboard/marketing');
    await page.getByRole('tab', { name: he['marketing.tab.automations'], exact: true }).click();
    await page.locator('.empty').filter({ hasText: he['automations.empty'] }).waitFor();
    await page.locator('.empty').filter({ hasText: he['runs.empty'] }).waitFor();

    await page.getByRole('button', { name: he['automations.new'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: he['automations.newTitle'] });
    await dialog.getByLabel(he['automations.field.name'], { exact: true }).fill(NAME);
    await dialog.getByLabel(he['automations.trigger.type'], { exact: true }).selectOption('customer.tag_added');
    await dialog.getByLabel(he['automations.trigger.tag'], { exact: true }).fill('VIP');

    // A condition whose key the API refuses, and a wait of 0 hours: each refusal stands where it belongs.
    await dialog.getByLabel(he['automations.conditions.some'], { exact: true }).check();
    const condition = dialog.getByRole('group', { name: fill(he['rules.condition'], { n: '1' }) });
    await condition.getByLabel(he['rules.field'], { exact: true }).selectOption('customField');
    await condition.getByLabel(he['rules.key'], { exact: true }).fill("a'b");
    await condition.getByLabel(he['rules.operator'], { exact: true }).selectOption('exists');
    const first = dialog.getByRole('group', { name: fill(he['automations.action'], { n: '1' }) });
    await first.getByLabel(he['automations.action.type'], { exact: true }).selectOption('add_tag');
    await first.getByLabel(he['automations.action.tag'], { exact: true }).fill('vip-welcome');
    await dialog.getByRole('button', { name: he['automations.actions.add'], exact: true }).click();
    const second = dialog.getByRole('group', { name: fill(he['automations.action'], { n: '2' }) });
    await second.getByLabel(he['automations.action.type'], { exact: true }).selectOption('wait');
    await second.getByLabel(he['automations.action.hours'], { exact: true }).fill('0');
    await dialog.getByRole('button', { name: he['automations.save'], exact: true }).click();
    await second.locator('.field-error').filter({ hasText: he['automations.problem.action.hours'] }).waitFor();
    await condition.locator('.field-error').waitFor();
    assert.equal(await first.locator('.field-error').count(), 0);
    await page.screenshot({ path: join(SHOTS, 'automations-errors-he.png') });

    // Fixed: the condition on the tag, the second action an email, moved first.
    await condition.getByLabel(he['rules.field'], { exact: true }).selectOption('tags');
    await condition.getByLabel(he['rules.operator'], { exact: true }).selectOption('contains');
    await condition.getByLabel(he['rules.value'], { exact: true }).fill('VIP');
    await second.getByLabel(he['automations.action.type'], { exact: true }).selectOption('send_message');
    await second.getByLabel(he['automations.action.channel'], { exact: true }).selectOption('email');
    await second.getByLabel(he['automations.action.subject'], { exact: true }).fill('ברוכה הבאה');
    await second.getByLabel(he['automations.action.body'], { exact: true }).fill(BODY);
    await second.getByRole('button', { name: fill(he['automations.action.upNamed'], { n: '2' }) }).click();
    assert.equal(await first.getByLabel(he['automations.action.type'], { exact: true }).inputValue(), 'send_message');
    await dialog.getByRole('button', { name: he['automations.save'], exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.locator('.automations-table tbody tr').filter({ hasText: NAME });
    await row.filter({ hasText: fill(he['automations.describe.tagAdded'], { tag: 'VIP' }) }).waitFor();
    const saved = (await t.http.get('/api/automations').set(owner.auth).expect(200)).body.data[0];
    assert.equal(saved.name, NAME);
    assert.equal(saved.enabled, true);
    assert.deepEqual(saved.trigger, { type: 'customer.tag_added', tag: 'VIP' });
    assert.deepEqual(saved.conditions, { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: 'VIP' }] });
    assert.deepEqual(saved.actions, [
      { type: 'send_message', channel: 'email', kind: 'transactional', subject: 'ברוכה הבאה', body: BODY },
      { type: 'add_tag', tag: 'vip-welcome' },
    ]);

    // Fired by tagging the customer: the run shows up completed, with its steps.
    await t.http
      .patch(`/api/customers/${customerId}`)
      .set(owner.auth)
      .send({ tags: ['VIP'] })
      .expect(200);
    const runRow = page.locator('.runs-table tbody tr').filter({ hasText: 'נועה כהן' }).filter({ hasText: he['runs.status.completed'] });
    await until('the completed run in the runs view', async () => {
      await page.getByRole('button', { name: he['runs.refresh'], exact: true }).click();
      await page.locator('.runs-section [aria-live]').filter({ hasNotText: he['app.loading'] }).waitFor();
      return (await runRow.count()) === 1;
    });
    assert.match(await runRow.innerText(), new RegExp(fill(he['runs.steps'], { done: '2', total: '2' })));
    assert.match(await runRow.innerText(), new RegExp(he['automations.trigger.customer.tag_added']));
    await runRow.getByRole('button', { name: fill(he['runs.detailsNamed'], { name: 'נועה כהן' }) }).click();
    const details = page.getByRole('dialog', { name: he['runs.detailsTitle'] });
    await details.locator('.run-steps li').nth(1).waitFor();
    const steps = await details.locator('.run-steps li').allInnerTexts();
    assert.match(steps[0], new RegExp(he['automations.action.send_message']));
    assert.match(steps[1], new RegExp(`${he['automations.action.add_tag']}[\\s\\S]*${he['runs.step.done']}`));
    assert.match(await details.innerText(), new RegExp(NAME));
    await page.screenshot({ path: join(SHOTS, 'automations-run-he.png') });
    await details.getByRole('button', { name: he['runs.close'], exact: true }).click();
    await details.waitFor({ state: 'detached' });
    const tagged = (await t.http.get(`/api/customers/${customerId}`).set(owner.auth).expect(200)).body;
    assert.deepEqual([...tagged.tags].sort(), ['VIP', 'vip-welcome'].sort());

    // Off, then on again: the API follows the switch.
    const toggle = page.getByRole('switch', { name: fill(he['automations.enableNamed'], { name: NAME }) });
    await toggle.uncheck();
    await until('the rule to be off', async () => {
      const rule = (await t.http.get(`/api/automations/${saved.id}`).set(owner.auth).expect(200)).body;
      return rule.enabled === false;
    });
    await row.filter({ hasText: he['automations.off'] }).waitFor();
    await toggle.check();
    await until('the rule to be on again', async () => {
      const rule = (await t.http.get(`/api/automations/${saved.id}`).set(owner.auth).expect(200)).body;
      return rule.enabled === true;
    });

    // An edit of the actions is a new version; the dialog opens with the saved rule.
    await page.getByRole('button', { name: fill(he['automations.editNamed'], { name: NAME }) }).click();
    const edit = page.getByRole('dialog', { name: he['automations.editTitle'] });
    assert.equal(await edit.getByLabel(he['automations.trigger.tag'], { exact: true }).inputValue(), 'VIP');
    assert.equal(await edit.getByLabel(he['rules.value'], { exact: true }).inputValue(), 'VIP');
    const tagAction = edit.getByRole('group', { name: fill(he['automations.action'], { n: '2' }) });
    assert.equal(await tagAction.getByLabel(he['automations.action.tag'], { exact: true }).inputValue(), 'vip-welcome');
    await tagAction.getByLabel(he['automations.action.tag'], { exact: true }).fill('vip-2');
    await edit.getByRole('button', { name: he['automations.save'], exact: true }).click();
    await edit.waitFor({ state: 'detached' });
    const edited = (await t.http.get(`/api/automations/${saved.id}`).set(owner.auth).expect(200)).body;
    assert.equal(edited.version, 2);
    assert.deepEqual(edited.actions[1], { type: 'add_tag', tag: 'vip-2' });

    await page.getByRole('button', { name: fill(he['automations.deleteNamed'], { name: NAME }) }).click();
    await page
      .getByRole('dialog', { name: he['automations.deleteTitle'] })
      .getByRole('button', { name: he['automations.delete'], exact: true })
      .click();
    await page.locator('.empty').filter({ hasText: he['automations.empty'] }).waitFor();
    assert.equal((await t.http.get('/api/automations').set(owner.auth).expect(200)).body.meta.total, 0);
    assert.deepEqual(errors, []);
  });

  it('staff see the rules and their runs but no controls to change them', async () => {
    await t.http
      .post('/api/automations')
      .set(owner.auth)
      .send({ name: 'תודה אחרי תור', trigger: { type: 'appointment.completed' }, actions: [{ type: 'add_tag', tag: 'ביקר' }] })
      .expect(201);
    const staff = await newMember(t.http, owner, 'staff');
    const { page, errors } = await chrome.open();
    await chrome.logIn(page, { email: staff.email, password: TEST_PASSWORD }, '/dashboard/marketing');
    await page.getByRole('tab', { name: he['marketing.tab.automations'], exact: true }).click();
    const row = page.locator('.automations-table tbody tr').filter({ hasText: 'תודה אחרי תור' });
    await row.filter({ hasText: he['automations.trigger.appointment.completed'] }).waitFor();
    await row.getByRole('button', { name: fill(he['automations.runsNamed'], { name: 'תודה אחרי תור' }) }).waitFor();
    assert.equal(await page.getByRole('button', { name: he['automations.new'], exact: true }).count(), 0);
    assert.equal(await page.getByRole('switch').count(), 0);
    assert.equal(await row.getByRole('button', { name: fill(he['automations.editNamed'], { name: 'תודה אחרי תור' }) }).count(), 0);
    assert.deepEqual(errors, []);
  });

  for (const lang of ['he', 'en'] as const) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      it(`in ${lang === 'he' ? 'Hebrew' : 'English'} on a ${size}: ${lang === 'he' ? 'rtl' : 'ltr'}, no serious or critical axe violation (the dialog too), a screenshot`, async () => {
        const m = CATALOGUES[lang];
        await t.http
          .post('/api/automations')
          .set(owner.auth)
          .send({
            name: `יום הולדת ${lang} ${size}`,
            trigger: { type: 'scheduled', date: 'birthday', days: 3, direction: 'before' },
            actions: [
              { type: 'send_message', channel: 'sms', kind: 'marketing', body: 'מזל טוב {{ customer.firstName }}!' },
              { type: 'wait', hours: 24 },
            ],
          })
          .expect(201);
        const { page, errors } = await chrome.open(viewport);
        await chrome.logIn(page, owner, '/dashboard/marketing');
        if (lang === 'en') {
          await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
          await page.locator('#page-title').filter({ hasText: en['marketing.title'] }).waitFor();
        }
        await page.getByRole('tab', { name: m['marketing.tab.automations'], exact: true }).click();
        assert.deepEqual(await htmlLangDir(page), { lang, dir: lang === 'he' ? 'rtl' : 'ltr' });
        await page
          .locator('.automations-table tbody tr')
          .filter({ hasText: fill(m['automations.describe.before'], { days: '3', date: m['automations.date.birthday'] }) })
          .first()
          .waitFor();
        await page.locator('.runs-section [aria-live]').filter({ hasNotText: m['app.loading'] }).waitFor();
        assert.ok((await sidewaysOverflow(page)) <= 0, `no sideways scroll at ${viewport.width}px`);
        const problems = await seriousViolations(page);
        await page.screenshot({ path: join(SHOTS, `automations-${lang}-${size}.png`), fullPage: true });

        await page.getByRole('button', { name: m['automations.new'], exact: true }).click();
        const dialog = page.getByRole('dialog', { name: m['automations.newTitle'] });
        await dialog.getByLabel(m['automations.trigger.type'], { exact: true }).selectOption('external');
        await dialog.getByLabel(m['automations.trigger.name'], { exact: true }).fill('lead_form_submitted');
        assert.match(await dialog.locator('.automation-usage').innerText(), /POST \/api\/automations\/events/);
        await dialog.getByLabel(m['automations.conditions.some'], { exact: true }).check();
        await dialog.getByRole('button', { name: m['automations.actions.add'], exact: true }).click();
        await dialog.getByRole('group', { name: fill(m['automations.action'], { n: '2' }) }).waitFor();
        problems.push(...(await seriousViolations(page)).map((v) => `dialog: ${v}`));
        assert.ok((await sidewaysOverflow(page)) <= 0, `no sideways scroll in the dialog at ${viewport.width}px`);
        await page.screenshot({ path: join(SHOTS, `automations-dialog-${lang}-${size}.png`) });
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        assert.deepEqual(problems, []);
        assert.deepEqual(errors, []);
      });
    }
  }
});
