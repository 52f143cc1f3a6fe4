import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { chromiumPath } from './dashboard';
import type { TestBusiness } from './factories';

// Browser globals used inside page.evaluate() callbacks: test files compile without the DOM library.
declare const document: { documentElement: { lang: string; dir: string; scrollWidth: number; clientWidth: number } };

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Chromium for one dashboard test file: fresh profiles, logging in, axe, the page's direction. */
export class DashboardBrowser {
  private browser!: Browser;
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly base: () => string) {}

  async start(): Promise<void> {
    this.browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser?.close();
  }

  /** A fresh profile; JavaScript errors are kept to assert on (Chromium's "Failed to load resource" for 4xx aside). */
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

  /** Logs in as `who` and lands on `path` (under /dashboard). */
  async logIn(page: Page, who: TestBusiness, path: string, m: Catalogue = he): Promise<void> {
    const base = this.base();
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/dashboard\/login\?next=/);
    await page.getByLabel(m['login.email'], { exact: true }).fill(who.email);
    await page.getByLabel(m['login.password'], { exact: true }).fill(who.password);
    await page.getByRole('button', { name: m['login.submit'], exact: true }).click();
    await page.waitForURL(`${base}${path}`);
    await page.locator('#page-title').filter({ hasNotText: m['login.title'] }).waitFor();
  }

  static async langDir(page: Page): Promise<{ lang: string; dir: string }> {
    return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  }

  static async sidewaysOverflow(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  static async seriousViolations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}
