import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { chromiumPath, ensureDashboardBuilt } from './dashboard';
import { TEST_OUTPUT } from './pdf-read';
import type { TestApp } from './test-app';

/** Where the dashboard's browser tests put their screenshots. */
export const SHOTS = join(TEST_OUTPUT, 'dashboard');
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * The provider dashboard in Debian's Chromium, headless, against a test app
 * listening on a port (its answers checked against the OpenAPI document as in
 * every e2e test): one browser per test file, a fresh profile per page.
 */
export class DashboardBrowser {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly base: string,
    private readonly browser: Browser,
  ) {}

  /** `port`: one chosen before the app started (its PUBLIC_URL); by default any free one. */
  static async start(t: TestApp, port = 0): Promise<DashboardBrowser> {
    ensureDashboardBuilt();
    mkdirSync(SHOTS, { recursive: true });
    await t.app.listen(port, '127.0.0.1');
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
    return new DashboardBrowser(base, browser);
  }

  /** A fresh browser profile (no stored language or session); JavaScript errors and CSP refusals are kept to assert on. */
  async open(
    viewport = DESKTOP,
    options: { timezoneId?: string; timeoutMs?: number } = {},
  ): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
    const context = await this.browser.newContext({
      viewport,
      locale: 'he-IL',
      timezoneId: options.timezoneId ?? 'Asia/Jerusalem',
      acceptDownloads: true,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: this.base });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(options.timeoutMs ?? 15_000);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('console', (message) => {
      // Chromium logs every 4xx the page receives; the tests provoke some on purpose.
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
    });
    return { page, context, errors };
  }

  /** Logs in through the login page as `who` and lands on `path` (under /dashboard). */
  async logIn(page: Page, who: { email: string; password: string }, path = '/dashboard', m: Catalogue = he): Promise<void> {
    await page.goto(`${this.base}${path}`);
    await page.waitForURL(/\/dashboard\/login\?next=/);
    await page.getByLabel(m['login.email'], { exact: true }).fill(who.email);
    await page.getByLabel(m['login.password'], { exact: true }).fill(who.password);
    await page.getByRole('button', { name: m['login.submit'], exact: true }).click();
    await page.waitForURL(`${this.base}${path}`);
    await page.locator('#page-title').filter({ hasNotText: m['login.title'] }).waitFor();
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close();
  }
}

/** `<html lang dir>` of the page. */
export function htmlLangDir(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/** How far the page scrolls sideways (0 when it fits its width). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** axe-core's serious and critical violations on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The form field (label, control, hint, error) labelled `label` inside `scope`. */
export const fieldOf = (scope: Page | ReturnType<Page['locator']>, page: Page, label: string) =>
  scope.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });

// Browser globals used inside page.evaluate() callbacks: tests compile without the DOM library.
declare const document: { documentElement: { lang: string; dir: string; scrollWidth: number; clientWidth: number } };
