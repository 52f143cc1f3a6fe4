import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { chromiumPath, ensureDashboardBuilt } from './dashboard';
import { TEST_OUTPUT } from './pdf-read';
import { startTestApp, type TestApp } from './test-app';

// Browser globals used inside page.evaluate() callbacks: test files compile without the DOM library.
declare const document: { documentElement: { lang: string; dir: string; scrollWidth: number; clientWidth: number } };

export const SHOTS = join(TEST_OUTPUT, 'dashboard');
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** The real app on a port and a headless Debian Chromium, for one dashboard test file. */
export class DashboardBrowser {
  t!: TestApp;
  base = '';
  private browser!: Browser;
  private contexts: BrowserContext[] = [];

  async start(): Promise<void> {
    ensureDashboardBuilt();
    mkdirSync(SHOTS, { recursive: true });
    this.t = await startTestApp();
    await this.t.app.listen(0, '127.0.0.1');
    this.base = `http://127.0.0.1:${(this.t.app.getHttpServer().address() as AddressInfo).port}`;
    this.browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser?.close();
    await this.t?.close();
  }

  /** A fresh profile; page errors and console errors (but the 4xx Chromium logs) are collected. */
  async open(viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> {
    const context = await this.browser.newContext({ viewport, locale: 'he-IL', timezoneId: 'Asia/Jerusalem' });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
    });
    return { page, errors };
  }

  async logIn(page: Page, who: { email: string; password: string }, path = '/dashboard', m: Catalogue = he): Promise<void> {
    await page.goto(`${this.base}${path}`);
    await page.waitForURL(/\/dashboard\/login\?next=/);
    await page.getByLabel(m['login.email'], { exact: true }).fill(who.email);
    await page.getByLabel(m['login.password'], { exact: true }).fill(who.password);
    await page.getByRole('button', { name: m['login.submit'], exact: true }).click();
    await page.waitForURL(`${this.base}${path}`);
    await page.locator('#page-title').filter({ hasNotText: m['login.title'] }).waitFor();
  }
}

export async function htmlLangDir(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The form field (label, control, hint, error) labelled `label` inside `scope`. */
export const fieldOf = (scope: Page | ReturnType<Page['locator']>, page: Page, label: string) =>
  scope.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });
