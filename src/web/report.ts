/**
 * The report: one self-contained HTML file with the same views as the served page, that works when opened from
 * file:// with no network. The stylesheet (fonts as data: URLs) and the client script are inline; the export is
 * embedded as JSON in <script type="application/json" id="rasd-data">, with every "<", ">", "&", U+2028 and U+2029
 * written as a \uXXXX escape so that no article text can end the element; the client reads it with EmbeddedSource.
 * A meta Content-Security-Policy allows exactly the inline script and stylesheet (by their sha256), data: fonts,
 * and nothing else: no network, no other script.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportDocument } from '../export/types.js';
import { clientScript, fontFiles, stylesheet, webPaths, type WebPaths } from './assets.js';
import { pageShell } from './shell.js';

/** JSON that is safe inside a <script> element (and valid JSON: the escaped characters only occur in strings). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** The stylesheet with its font URLs replaced by data: URLs of the files. */
export function inlineFonts(css: string, paths: WebPaths): string {
  const known = new Set(fontFiles(paths));
  return css.replace(/url\(\s*['"]?fonts\/([\w.-]+\.woff2)['"]?\s*\)/g, (whole, name: string) => {
    if (!known.has(name)) return whole;
    const b64 = readFileSync(join(paths.assets, 'fonts', name)).toString('base64');
    return `url(data:font/woff2;base64,${b64})`;
  });
}

export function sha256(text: string): string {
  return 'sha256-' + createHash('sha256').update(text, 'utf8').digest('base64');
}

/** The report's policy: only the inline script and style with these hashes, fonts and images from data: URLs. */
export function reportPolicy(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}'`,
    `style-src '${styleHash}'`,
    'font-src data:',
    'img-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function assertInlineSafe(kind: string, text: string, tag: string): void {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) throw new Error(`the ${kind} contains "</${tag}" or "<!--" and cannot be inlined`);
}

export interface ReportOptions {
  paths?: WebPaths;
  title?: string;
}

/** One HTML file: the page, its script, stylesheet and fonts, and the export. */
export function renderReport(doc: ExportDocument, options: ReportOptions = {}): string {
  const paths = options.paths ?? webPaths();
  const css = inlineFonts(stylesheet(paths), paths);
  const js = clientScript(paths);
  assertInlineSafe('stylesheet', css, 'style');
  assertInlineSafe('client script', js, 'script');
  const csp = reportPolicy(sha256(js), sha256(css));
  return pageShell({
    headStart: `<meta http-equiv="Content-Security-Policy" content="${csp}">\n`,
    title: options.title ?? 'رصد — تقرير',
    styles: `<style>${css}</style>`,
    scripts: `<script type="application/json" id="rasd-data">${jsonForScript(doc)}</script>\n<script>${js}</script>`,
  });
}
