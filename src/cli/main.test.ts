import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { main } from './main.js';
import { collector } from './test-helpers.js';
import { packageVersion } from './version.js';

async function run(argv: string[]) {
  const io = { stdout: collector(), stderr: collector() };
  const code = await main(argv, io);
  return { code, out: io.stdout.text, err: io.stderr.text };
}

test('rasd --help / rasd help / rasd analyze --help: usage on stdout, exit 0', async () => {
  for (const argv of [['--help'], ['-h'], ['help']]) {
    const r = await run(argv);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage: rasd <command>/);
    assert.match(r.out, /analyze <files or folders…>/);
    assert.equal(r.err, '');
  }
  for (const argv of [['analyze', '--help'], ['help', 'analyze']]) {
    const r = await run(argv);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage: rasd analyze <files or folders…> \[--json FILE\] \[--quiet\]/);
    assert.equal(r.err, '');
  }
});

test('rasd --version prints the package version', async () => {
  const r = await run(['--version']);
  assert.equal(r.code, 0);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url.replace('/dist/src/', '/src/')), 'utf8')) as { version: string };
  assert.equal(r.out, `rasd ${pkg.version}\n`);
  assert.equal(packageVersion(), pkg.version);
});

test('usage errors: exit 2, a short usage on stderr, nothing on stdout', async () => {
  for (const [argv, msg] of [
    [[], /^rasd: no command given\nUsage: rasd analyze/],
    [['frob'], /^rasd: unknown command 'frob'\n/],
    [['--frob'], /^rasd: unknown option '--frob'\n/],
    [['analyze'], /^rasd analyze: no files or folders given\nUsage: rasd analyze <files or folders…> \[--json FILE\] \[--quiet\]\n/],
    [['analyze', 'x', '--bogus'], /^rasd analyze: unknown option '--bogus'\n/],
    [['analyze', 'x', '--json'], /^rasd analyze: option '--json' needs a value\n/],
    [['fr\x1b[2Job'], /^rasd: unknown command 'fr\[2Job'\n/],
  ] as const) {
    const r = await run([...argv]);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, msg);
    assert.equal(r.out, '');
  }
});

test('store commands: usage errors exit 2', async () => {
  for (const [args, message] of [
    [['ingest'], /no files, folders or URLs given/],
    [['watch'], /no feeds, URLs or folders given/],
    [['watch', 'x', '--every', 'soon'], /--every must be a duration/],
    [['search', '--db', '/nonexistent/x'], /no search words given/],
    [['story', '--db', '/nonexistent/x'], /no story id given/],
    [['export', '--db', '/nonexistent/x'], /export needs --json FILE/],
    [['stories', '--limit', '0'], /--limit must be a whole number/],
    [['search', 'x', '--from', '2025-13-45'], /--from must be a date/],
  ] as const) {
    const r = await run([...args]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, message);
  }
});
