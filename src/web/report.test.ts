/** The report file, the served files and the bundler, with a small stand-in client so that no build is needed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { bundleModules } from './bundle.js';
import { CONTENT_SECURITY_POLICY, webAsset, webPaths, type WebPaths } from './assets.js';
import { jsonForScript, renderReport } from './report.js';
import { handDoc, hostileDoc, HOSTILE } from './test-fixtures.js';

/** A stand-in compiled client: three modules, as tsc emits them. */
function fakeClient(files: Record<string, string> = {}): WebPaths {
  const dir = mkdtempSync(join(tmpdir(), 'rasd-client-'));
  const all: Record<string, string> = {
    'app.js': "import { greet, N as count } from './b.js';\nimport {\n  tag,\n} from './c.js';\nexport const out = greet(tag) + count;\nglobalThis.__out = out;\n",
    'b.js': "import { tag } from './c.js';\nconst hidden = 1;\nexport function greet(x) { return 'hi ' + x + hidden; }\nexport const N = 2;\n//# sourceMappingURL=b.js.map\n",
    'c.js': "export const tag = 'c';\nexport {};\n",
    ...files,
  };
  for (const [name, code] of Object.entries(all)) writeFileSync(join(dir, name), code);
  return { browser: dir, assets: webPaths().assets };
}

test('bundleModules: one script, modules in dependency order, imports renamed, exports kept', () => {
  const js = bundleModules(fakeClient().browser, 'app.js');
  assert.doesNotMatch(js, /^\s*(import|export)\b/m);
  assert.doesNotMatch(js, /sourceMappingURL/);
  assert.ok(js.indexOf('// c.js') < js.indexOf('// b.js') && js.indexOf('// b.js') < js.indexOf('// app.js'));
  const ctx: { __out?: string } = {};
  runInNewContext(js, ctx);
  assert.equal(ctx.__out, 'hi c12');
});

test('bundleModules: unsupported syntax and cycles are refused', () => {
  assert.throws(() => bundleModules(fakeClient({ 'c.js': 'export default 1;\n' }).browser, 'app.js'), /unsupported module syntax/);
  assert.throws(() => bundleModules(fakeClient({ 'c.js': "import { greet } from './b.js';\nexport const tag = 1;\n" }).browser, 'app.js'), /import cycle/);
  assert.throws(() => bundleModules(fakeClient({ 'c.js': "import * as x from './b.js';\nexport const tag = 1;\n" }).browser, 'app.js'), /unsupported module syntax/);
});

test('jsonForScript: no <, >, &, U+2028, U+2029 left, and the same value back', () => {
  const value = { t: '</script><script>alert(1)</script> & <!-- \u2028\u2029 >' };
  const json = jsonForScript(value);
  assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(json), value);
});

test('renderReport: one file, data embedded safely, CSP hashes match the inline script and style', () => {
  const paths = fakeClient();
  const html = renderReport(hostileDoc(), { paths });
  assert.match(html, /^<!doctype html>\n<html lang="ar" dir="rtl">/);
  const data = /<script type="application\/json" id="rasd-data">([^<]*)<\/script>/.exec(html);
  assert.ok(data !== null, 'data element closes only where it should');
  assert.deepEqual(JSON.parse(data[1] as string), JSON.parse(JSON.stringify(hostileDoc())));
  assert.ok(!html.includes(HOSTILE.title), 'no raw markup from the data');
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
  assert.equal(scripts.length, 1);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const hash = (s: string): string => 'sha256-' + createHash('sha256').update(s, 'utf8').digest('base64');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.ok(csp.includes(`script-src '${hash(scripts[0] as string)}'`), csp);
  assert.ok(csp.includes(`style-src '${hash(style)}'`));
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.match(style, /url\(data:font\/woff2;base64,/);
  assert.doesNotMatch(style, /url\(fonts\//);
  assert.doesNotMatch(html, /https?:\/\//, 'nothing to fetch');
});

test('renderReport: the hand-made document round-trips through the embedded JSON', () => {
  const html = renderReport(handDoc(), { paths: fakeClient() });
  const data = /<script type="application\/json" id="rasd-data">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
  assert.equal((JSON.parse(data) as { stories: unknown[] }).stories.length, 2);
});

test('webAsset: the page’s files with their types, null for anything else', () => {
  const paths = fakeClient();
  const index = webAsset('/', paths);
  assert.equal(index?.type, 'text/html; charset=utf-8');
  assert.match(String(index?.body), /<script src="app.js" defer><\/script>/);
  assert.doesNotMatch(String(index?.body), /<script>/, 'no inline script on the served page');
  assert.equal(webAsset('/index.html?x=1', paths)?.type, 'text/html; charset=utf-8');
  assert.equal(webAsset('/app.js', paths)?.type, 'text/javascript; charset=utf-8');
  assert.match(String(webAsset('/app.js', paths)?.body), /const __m_app/);
  assert.equal(webAsset('/app.css', paths)?.type, 'text/css; charset=utf-8');
  const font = webAsset('/fonts/noto-naskh-arabic-arabic-400-normal.woff2', paths);
  assert.equal(font?.type, 'font/woff2');
  assert.ok(Buffer.isBuffer(font?.body) && font.body.length > 10_000);
  assert.equal(webAsset('/fonts/OFL.txt', paths)?.type, 'text/plain; charset=utf-8');
  for (const bad of ['/fonts/../app.css', '/fonts/..%2Fapp.css', '/../package.json', '/api/stories', '/app.js.map', '/fonts/']) assert.equal(webAsset(bad, paths), null, bad);
});

test('webAsset: a missing client build is a clear error', () => {
  const paths = { browser: join(tmpdir(), 'rasd-no-such-dir'), assets: webPaths().assets };
  assert.throws(() => webAsset('/app.js', paths), /not built/);
});

test('the served page’s policy', () => {
  assert.equal(
    CONTENT_SECURITY_POLICY,
    "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  );
});
