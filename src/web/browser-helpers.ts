/**
 * Helpers for the browser tests (not used at run time): Debian chromium through playwright-core, a page that records
 * errors, dialogs, CSP violations and any request that would leave the file, and screenshots into RASD_SCREENSHOTS.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webPaths } from './assets.js';
import type { PageDocument, PageWindow } from './page-globals.js';

declare const document: PageDocument;
declare const window: PageWindow;
declare const location: { hash: string };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = process.env.RASD_SCREENSHOTS ?? join(tmpdir(), 'rasd-screenshots');

/** Why the browser tests cannot run here, or false. */
export function browserSkip(): string | false {
  if (!existsSync(CHROMIUM)) return `no chromium at ${CHROMIUM} (set CHROMIUM_PATH to run the browser tests)`;
  if (!existsSync(join(webPaths().browser, 'app.js'))) return 'the web client is not built: run "npx tsc -p tsconfig.web.json" (or npm run build) first';
  return false;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
  outside: string[];
  csp: () => Promise<string[]>;
}

/** A new page that records what must not happen; `allow` says which request URLs are the page's own. */
export async function watchedPage(browser: Browser, viewport: { width: number; height: number }, allow: (url: string) => boolean): Promise<Watched> {
  const context = await browser.newContext({ viewport, locale: 'ar', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const w: Watched = { page, errors: [], dialogs: [], outside: [], csp: async () => page.evaluate(() => window.__csp ?? []) };
  await page.addInitScript(() => {
    const list: string[] = [];
    window.__csp = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('pageerror', (err) => w.errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') w.errors.push(msg.text());
  });
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!allow(r.url())) w.outside.push(r.url());
  });
  return w;
}

export async function shot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, name + '.png');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path, fullPage });
  return path;
}

/** Wait until the view for the current hash is drawn. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return main !== null && main.dataset.hash === location.hash && !main.hasAttribute('aria-busy');
  });
}

/** Go to a hash route and wait for its view to be drawn. */
export async function go(page: Page, hash: string, selector = 'main h1'): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await settled(page);
  await page.waitForSelector(selector);
}

export async function mainText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('main')?.textContent ?? '');
}
