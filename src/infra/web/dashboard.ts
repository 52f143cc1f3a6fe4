import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** Where the provider dashboard is served, outside the `/api` prefix. */
export const DASHBOARD_PATH = '/dashboard';

/** The Vite build of `web/` (`npm run build`): `dist/src/infra/web` → `dist/dashboard`. */
export const DASHBOARD_DIR = resolve(__dirname, '../../../dashboard');

/**
 * The dashboard's own Content-Security-Policy (the API's answers keep helmet's
 * defaults with CSP off): scripts, styles and API calls from this origin only,
 * no inline script, no framing.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HASHED_ASSETS = `${sep}assets${sep}`;

/**
 * Serves the built dashboard: static files under `/dashboard` (Vite's hashed
 * `assets/` cached for a year as immutable, everything else revalidated), every
 * other GET under `/dashboard` answered with `index.html` (client-side routes),
 * and `/provider/dashboard` redirected there. Plain Express middleware, not Nest
 * routes: pages are no API operations, so they stay out of the OpenAPI document.
 * Without a build (`dist/dashboard/index.html`), it logs a warning and serves nothing.
 */
export function serveDashboard(app: NestExpressApplication, dir: string = DASHBOARD_DIR): boolean {
  const index = join(dir, 'index.html');

  app.use('/provider/dashboard', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const rest = req.url === '/' ? '' : req.url;
    res.redirect(302, `${DASHBOARD_PATH}${rest}`);
  });

  if (!existsSync(index)) {
    new Logger('Dashboard').warn(`The dashboard is not built (${index} is missing): run npm run build to serve it at ${DASHBOARD_PATH}`);
    return false;
  }

  app.use(DASHBOARD_PATH, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    next();
  });
  app.useStaticAssets(dir, {
    prefix: DASHBOARD_PATH,
    index: false,
    redirect: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.includes(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A missing hashed asset is a 404, not the page (a stale tab after a deploy must not parse HTML as JS).
    if (req.path.startsWith('/assets/')) {
      res.status(404).type('text/plain').setHeader('Cache-Control', 'no-store');
      res.send('Not found');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
