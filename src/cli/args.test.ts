import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANALYZE_USAGE, parseCommand, USAGE } from './args.js';

test('analyze: paths, --json, --quiet, -- before paths that start with a dash', () => {
  assert.deepEqual(parseCommand(['analyze', 'a.txt', 'pages/']), { kind: 'analyze', paths: ['a.txt', 'pages/'], json: null, html: null, quiet: false });
  assert.deepEqual(parseCommand(['analyze', '--json', 'out.json', 'a', '-q']), { kind: 'analyze', paths: ['a'], json: 'out.json', html: null, quiet: true });
  assert.deepEqual(parseCommand(['analyze', 'a', '--json=o.json', '--quiet']), { kind: 'analyze', paths: ['a'], json: 'o.json', html: null, quiet: true });
  assert.deepEqual(parseCommand(['analyze', '--', '-odd.txt']), { kind: 'analyze', paths: ['-odd.txt'], json: null, html: null, quiet: false });
  assert.deepEqual(parseCommand(['analyze', 'a', '--html', 'r.html']), { kind: 'analyze', paths: ['a'], json: null, html: 'r.html', quiet: false });
});

test('help and version', () => {
  for (const argv of [['--help'], ['-h'], ['help']]) assert.deepEqual(parseCommand(argv), { kind: 'help', topic: 'rasd' });
  for (const argv of [['analyze', '--help'], ['analyze', 'x', '-h'], ['help', 'analyze']]) assert.deepEqual(parseCommand(argv), { kind: 'help', topic: 'analyze' });
  assert.deepEqual(parseCommand(['--version']), { kind: 'version' });
});

test('usage errors', () => {
  const kind = (argv: string[]) => {
    const c = parseCommand(argv);
    return c.kind === 'usage-error' ? `${c.topic}: ${c.message}` : c.kind;
  };
  assert.equal(kind([]), 'rasd: no command given');
  assert.equal(kind(['frobnicate']), "rasd: unknown command 'frobnicate'");
  assert.equal(kind(['--frob']), "rasd: unknown option '--frob'");
  assert.equal(kind(['help', 'frob']), "rasd: no help for 'frob': unknown command");
  assert.equal(kind(['analyze']), 'analyze: no files or folders given');
  assert.equal(kind(['analyze', '--json', 'o.json']), 'analyze: no files or folders given');
  assert.equal(kind(['analyze', 'a', '--frob']), "analyze: unknown option '--frob'");
  assert.equal(kind(['analyze', 'a', '--json']), "analyze: option '--json' needs a value");
  assert.equal(kind(['analyze', 'a', '--json=']), 'analyze: option --json needs a file name');
  assert.equal(parseCommand(['analyze', 'a', '--quiet=yes']).kind, 'usage-error');
});

test('store commands parse to their runner; help lists them all', () => {
  for (const c of ['ingest', 'watch', 'search', 'stories', 'story', 'export', 'serve']) assert.deepEqual(parseCommand([c, 'x']), { kind: 'store', command: c, args: ['x'] });
  for (const c of ['analyze', 'ingest', 'watch', 'search', 'stories', 'story', 'export', 'serve']) assert.match(USAGE, new RegExp(`\\b${c}\\b`));
  assert.match(ANALYZE_USAGE, /--json FILE/);
  assert.match(ANALYZE_USAGE, /--quiet/);
});
