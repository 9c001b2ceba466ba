/**
 * The web page's files for the server: index.html, the client script (dist/src/web/browser/*.js joined into one by
 * bundle.ts), the stylesheet and the fonts, with their content types, and the Content-Security-Policy to send.
 *
 * Where the files are: the client is compiled by `tsc -p tsconfig.web.json` (part of `npm run build`) into
 * dist/src/web/browser/; the stylesheet and fonts are not compiled and stay in src/web/assets/. Both are found from
 * the project root, which is worked out from this file's own location, so it works from the compiled
 * dist/src/web/assets.js and from src/web/assets.ts run with tsx (the client must have been built either way).
 * Files are read once and kept in memory.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleModules } from './bundle.js';
import { pageShell } from './shell.js';

/** The policy the server sends with every page response (the page needs nothing else). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Headers worth sending with the page's files, CSP included. */
export const WEB_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export interface WebAsset {
  body: Buffer | string;
  type: string;
}

export interface WebPaths {
  /** compiled client modules (dist/src/web/browser) */
  browser: string;
  /** app.css and fonts/ (src/web/assets) */
  assets: string;
}

/** The project root from this file: dist/src/web → three up; src/web → two up. */
export function projectRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const up2 = resolve(here, '..', '..');
  return basename(up2) === 'dist' ? resolve(up2, '..') : up2;
}

export function webPaths(root: string = projectRoot()): WebPaths {
  return { browser: join(root, 'dist', 'src', 'web', 'browser'), assets: join(root, 'src', 'web', 'assets') };
}

export const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  woff2: 'font/woff2',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
};

/** The page's icon (browsers ask for /favicon.ico whatever the page says): the letter ر on the page's blue. */
export const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4e89"/><text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="serif">ر</text></svg>';

/** The client as one script; throws when the client has not been compiled. */
export function clientScript(paths: WebPaths = webPaths()): string {
  if (!existsSync(join(paths.browser, 'app.js'))) {
    throw new Error(`the web client is not built (${paths.browser}/app.js is missing): run "npm run build" or "npx tsc -p tsconfig.web.json"`);
  }
  return bundleModules(paths.browser, 'app.js');
}

export function stylesheet(paths: WebPaths = webPaths()): string {
  return readFileSync(join(paths.assets, 'app.css'), 'utf8');
}

/** Font files (and the licence) that may be served: only names found in the fonts folder. */
export function fontFiles(paths: WebPaths = webPaths()): string[] {
  const dir = join(paths.assets, 'fonts');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^[\w.-]+\.(woff2|txt)$/.test(f)) : [];
}

export function indexHtml(): string {
  return pageShell({ styles: '<link rel="stylesheet" href="app.css">', scripts: '<script src="app.js" defer></script>' });
}

const cache = new Map<string, WebAsset>();

/**
 * The file for a request path ("/", "/index.html", "/app.js", "/app.css", "/favicon.ico", "/fonts/<file>"), or null when the path
 * is none of the page's. A query string is ignored. Throws when the client is not built and "/app.js" is asked.
 */
export function webAsset(path: string, paths: WebPaths = webPaths()): WebAsset | null {
  const p = (path.split(/[?#]/)[0] ?? '').replace(/^\/+/, '/');
  const key = paths.browser + '\u0000' + p;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let out: WebAsset | null = null;
  if (p === '/' || p === '' || p === '/index.html') out = { body: indexHtml(), type: TYPES.html as string };
  else if (p === '/app.js') out = { body: clientScript(paths), type: TYPES.js as string };
  else if (p === '/app.css') out = { body: stylesheet(paths), type: TYPES.css as string };
  else if (p === '/favicon.ico' || p === '/favicon.svg') out = { body: FAVICON, type: TYPES.svg as string };
  else if (p.startsWith('/fonts/')) {
    const name = p.slice('/fonts/'.length);
    if (fontFiles(paths).includes(name)) {
      const ext = name.slice(name.lastIndexOf('.') + 1);
      out = { body: readFileSync(join(paths.assets, 'fonts', name)), type: TYPES[ext] ?? 'application/octet-stream' };
    }
  }
  if (out !== null) cache.set(key, out);
  return out;
}

/** Forget the files read so far (after a rebuild while the server runs). */
export function clearWebAssetCache(): void {
  cache.clear();
}
