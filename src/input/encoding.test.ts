import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawPage } from '../types.js';
import { decode } from './index.js';
import { detectEncoding } from './encoding.js';
import { ARABIC, concat, iso88596, randomBytes, utf16be, utf16le, utf8, win1256 } from './test-text.js';

const PAGE = ARABIC.slice(0, 3).join('\n\n');

interface Case {
  name: string;
  bytes: Uint8Array;
  format?: RawPage['format'];
  encoding: string | null;
  rules: string[];
  /** Expected text; by default the case's Arabic text where one is given, or not checked. */
  text?: string;
  language?: string;
}

function run(cases: Case[]): void {
  for (const c of cases) {
    test(c.name, () => {
      const page = decode({ source: `test/${c.name}`, bytes: c.bytes, format: c.format ?? 'text' });
      assert.equal(page.encoding, c.encoding, 'encoding');
      assert.deepEqual(page.warnings.map((w) => w.rule), c.rules, 'warning rules');
      if (c.text !== undefined) assert.equal(page.text, c.text, 'text');
      if (c.language !== undefined) assert.equal(page.language, c.language, 'language');
      assert.equal(page.source, `test/${c.name}`);
      assert.equal(page.format, c.format ?? 'text');
    });
  }
}

const GUESS = 'input/encoding-guess';

run([
  // Unicode, with and without BOM; the BOM is stripped.
  { name: 'utf-8 without BOM', bytes: utf8(PAGE), encoding: 'utf-8', rules: [], text: PAGE, language: 'ar' },
  { name: 'utf-8 with BOM', bytes: utf8(PAGE, true), encoding: 'utf-8', rules: [], text: PAGE, language: 'ar' },
  { name: 'utf-16le with BOM', bytes: utf16le(PAGE, true), encoding: 'utf-16le', rules: [], text: PAGE, language: 'ar' },
  { name: 'utf-16be with BOM', bytes: utf16be(PAGE, true), encoding: 'utf-16be', rules: [], text: PAGE, language: 'ar' },
  { name: 'utf-16le without BOM', bytes: utf16le(PAGE), encoding: 'utf-16le', rules: [GUESS], text: PAGE, language: 'ar' },
  { name: 'utf-16be without BOM', bytes: utf16be(PAGE), encoding: 'utf-16be', rules: [GUESS], text: PAGE, language: 'ar' },
  { name: 'utf-16le without BOM, one word, no ASCII at all', bytes: utf16le('سلام'), encoding: 'utf-16le', rules: [GUESS], text: 'سلام' },
  { name: 'utf-16be without BOM, English', bytes: utf16be('Hello there, world.'), encoding: 'utf-16be', rules: [GUESS, 'language/undetermined'], text: 'Hello there, world.' },
  { name: 'pure ASCII is utf-8', bytes: utf8('Error 404: Not Found'), encoding: 'utf-8', rules: ['language/undetermined'] },

  // Line endings.
  { name: 'CRLF and CR become LF', bytes: utf8('سطر أول\r\nسطر ثان\rسطر ثالث\n'), encoding: 'utf-8', rules: [], text: 'سطر أول\nسطر ثان\nسطر ثالث\n' },
  { name: 'CRLF in utf-16le with BOM', bytes: utf16le('سطر أول\r\nسطر ثان', true), encoding: 'utf-16le', rules: [], text: 'سطر أول\nسطر ثان' },

  // Single-byte Arabic encodings, told apart on realistic paragraphs.
  ...ARABIC.map((p, i): Case => ({ name: `windows-1256 paragraph ${i + 1}`, bytes: win1256(p), encoding: 'windows-1256', rules: [GUESS], text: p, language: 'ar' })),
  ...ARABIC.map((p, i): Case => ({ name: `iso-8859-6 paragraph ${i + 1}`, bytes: iso88596(p), encoding: 'iso-8859-6', rules: [GUESS], text: p, language: 'ar' })),
  { name: 'windows-1256 with Persian letters in 0x80-0x9F', bytes: win1256('زار الرئيس مدينة چابهار وميناء گوادر، ثم التقى الوزير پرويز.'), encoding: 'windows-1256', rules: [GUESS], language: 'ar' },
  { name: 'windows-1256 with CRLF lines', bytes: win1256(`${ARABIC[0]}\r\n${ARABIC[1]}`), encoding: 'windows-1256', rules: [GUESS], text: `${ARABIC[0]}\n${ARABIC[1]}` },
  { name: 'iso-8859-6, a three-letter word', bytes: iso88596('خطأ'), encoding: 'iso-8859-6', rules: [GUESS], text: 'خطأ' },

  // Mostly UTF-8 with a few bad bytes.
  {
    name: 'utf-8 with two bad bytes',
    bytes: concat(utf8(ARABIC[0]!), Uint8Array.of(0xff), utf8(ARABIC[1]!), Uint8Array.of(0xc0)),
    encoding: 'utf-8',
    rules: ['input/invalid-utf8'],
    text: `${ARABIC[0]}\uFFFD${ARABIC[1]}\uFFFD`,
    language: 'ar',
  },
  { name: 'utf-8 BOM on windows-1256 bytes', bytes: concat(Uint8Array.of(0xef, 0xbb, 0xbf), win1256(ARABIC[0]!)), encoding: 'windows-1256', rules: [GUESS], text: ARABIC[0]! },
  { name: 'utf-8 BOM on mostly valid utf-8', bytes: concat(utf8(ARABIC[0]!, true), Uint8Array.of(0xff)), encoding: 'utf-8', rules: ['input/invalid-utf8'], text: `${ARABIC[0]}\uFFFD` },
  { name: 'utf-8 cut in the middle of a character', bytes: utf8('خبر عاجل').subarray(0, -1), encoding: 'utf-8', rules: ['input/invalid-utf8'], text: 'خبر عاج\uFFFD' },

  // Empty.
  { name: 'zero bytes', bytes: new Uint8Array(0), encoding: null, rules: ['input/empty'], text: '', language: 'und' },
  { name: 'only whitespace', bytes: utf8(' \n\t\r\n  '), encoding: null, rules: ['input/empty'], text: '', language: 'und' },
  { name: 'only a UTF-8 BOM', bytes: Uint8Array.of(0xef, 0xbb, 0xbf), encoding: null, rules: ['input/empty'], text: '', language: 'und' },
  { name: 'UTF-16LE BOM and spaces', bytes: utf16le('  \n', true), encoding: null, rules: ['input/empty'], text: '', language: 'und' },

  // Binary.
  { name: 'PNG header', bytes: concat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), randomBytes(200)), encoding: null, rules: ['input/binary'], text: '', language: 'und' },
  { name: 'PDF', bytes: concat('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), encoding: null, rules: ['input/binary'] },
  { name: 'ZIP', bytes: concat('PK\x03\x04', randomBytes(100)), encoding: null, rules: ['input/binary'] },
  { name: 'JPEG', bytes: concat(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), randomBytes(100)), encoding: null, rules: ['input/binary'] },
  { name: 'GIF', bytes: concat('GIF89a', randomBytes(100)), encoding: null, rules: ['input/binary'] },
  { name: 'random bytes', bytes: randomBytes(4096), encoding: null, rules: ['input/binary'], text: '', language: 'und' },
  { name: 'Arabic text with NUL padding', bytes: concat(utf8(ARABIC[0]!), new Uint8Array(64)), encoding: null, rules: ['input/binary'] },
  { name: 'control bytes', bytes: concat(utf8('نص '), ...Array.from({ length: 20 }, () => '\x01\x02\x03 abc')), encoding: null, rules: ['input/binary'] },
]);

// HTML: a declared charset is honoured when the bytes agree with it, and overruled (with a warning) when not.
function html(charsetTag: string, body: Uint8Array): Uint8Array {
  return concat(
    `<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n${charsetTag}\n<title>x</title>\n<script>var site = "News";</script>\n</head>\n<body>\n<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>\n<article><p>`,
    body,
    '</p></article>\n</body>\n</html>\n',
  );
}
const meta = (cs: string): string => `<meta charset="${cs}">`;
const httpEquiv = (cs: string): string => `<meta http-equiv="Content-Type" content="text/html; charset=${cs}">`;

run([
  { name: 'html: meta charset utf-8, utf-8 bytes', format: 'html', bytes: html(meta('utf-8'), utf8(ARABIC[0]!)), encoding: 'utf-8', rules: [], language: 'ar' },
  { name: 'html: http-equiv windows-1256, windows-1256 bytes', format: 'html', bytes: html(httpEquiv('windows-1256'), win1256(ARABIC[1]!)), encoding: 'windows-1256', rules: [], language: 'ar' },
  { name: 'html: meta charset ISO-8859-6, iso-8859-6 bytes', format: 'html', bytes: html(meta('ISO-8859-6'), iso88596(ARABIC[2]!)), encoding: 'iso-8859-6', rules: [], language: 'ar' },
  { name: 'html: cp1256 label means windows-1256', format: 'html', bytes: html(httpEquiv('cp1256'), win1256(ARABIC[3]!)), encoding: 'windows-1256', rules: [], language: 'ar' },
  { name: 'html: declared windows-1256 but bytes are utf-8', format: 'html', bytes: html(httpEquiv('windows-1256'), utf8(ARABIC[0]!)), encoding: 'utf-8', rules: [GUESS], language: 'ar' },
  { name: 'html: declared utf-8 but bytes are windows-1256', format: 'html', bytes: html(meta('utf-8'), win1256(ARABIC[1]!)), encoding: 'windows-1256', rules: [GUESS], language: 'ar' },
  { name: 'html: declared iso-8859-6 but bytes are windows-1256', format: 'html', bytes: html(httpEquiv('iso-8859-6'), win1256(ARABIC[2]!)), encoding: 'windows-1256', rules: [GUESS], language: 'ar' },
  { name: 'html: declared windows-1256 but bytes are iso-8859-6', format: 'html', bytes: html(meta('windows-1256'), iso88596(ARABIC[4]!)), encoding: 'iso-8859-6', rules: [GUESS], language: 'ar' },
  { name: 'html: declared iso-8859-1 but bytes are utf-8', format: 'html', bytes: html(meta('iso-8859-1'), utf8(ARABIC[3]!)), encoding: 'utf-8', rules: [GUESS], language: 'ar' },
  { name: 'html: no charset, windows-1256 bytes', format: 'html', bytes: html('', win1256(ARABIC[4]!)), encoding: 'windows-1256', rules: [GUESS], language: 'ar' },
  { name: 'html: a utf-8 BOM outranks a wrong declaration, no warning', format: 'html', bytes: concat(Uint8Array.of(0xef, 0xbb, 0xbf), html(meta('windows-1256'), utf8(ARABIC[0]!))), encoding: 'utf-8', rules: [] },
  { name: 'html: ASCII-only page keeps its declared charset', format: 'html', bytes: html(meta('windows-1256'), utf8('&#1582;&#1576;&#1585; &#1593;&#1575;&#1580;&#1604;')), encoding: 'windows-1256', rules: [], language: 'ar' },
]);

test('the decoded text keeps the markup of an HTML page (tags are stripped for the language test only)', () => {
  const page = decode({ source: 'a.html', format: 'html', bytes: html(meta('windows-1256'), win1256(ARABIC[0]!)) });
  assert.ok(page.text.startsWith('<!DOCTYPE html>\n<html'));
  assert.ok(page.text.includes(`<p>${ARABIC[0]}</p>`));
});

test('html: a long ASCII-only page keeps its declared charset (beyond the statistics sample)', () => {
  const entities = '<p>&#1582;&#1576;&#1585; &#1593;&#1575;&#1580;&#1604; &#1601;&#1610; &#1575;&#1604;&#1605;&#1583;&#1610;&#1606;&#1577;</p>\n';
  const bytes = html(meta('windows-1256'), utf8(entities.repeat(400)));
  assert.ok(bytes.length > 32 * 1024);
  const page = decode({ source: 'long.html', format: 'html', bytes });
  assert.equal(page.encoding, 'windows-1256');
  assert.deepEqual(page.warnings, []);
  assert.equal(page.language, 'ar');
});

test('html: windows-1256 text after 80 KB of ASCII scripts is still told from ISO-8859-6', () => {
  const script = `<script>${'var a = 1; '.repeat(8000)}</script>`;
  for (const [encode, label] of [[win1256, 'windows-1256'], [iso88596, 'iso-8859-6']] as const) {
    const page = decode({ source: 'late.html', format: 'html', bytes: html(script, encode(ARABIC[2]!)) });
    assert.equal(page.encoding, label);
    assert.ok(page.text.includes(ARABIC[2]!));
  }
});

test('a charset named only by the transport (an HTTP header): honoured when the bytes agree, else detection wins', () => {
  const text = 'أعلنت وزارة الصحة عن إطلاق حملة وطنية للتطعيم';
  const bytes = win1256(text);
  const told = detectEncoding(bytes, true, 'windows-1256');
  assert.equal(told.kind === 'text' && told.text, text);
  assert.deepEqual(told.kind === 'text' && told.warnings, []);
  const guessed = detectEncoding(bytes, true);
  assert.equal(guessed.kind === 'text' && guessed.warnings[0]?.rule, 'input/encoding-guess');
  const wrong = detectEncoding(bytes, true, 'utf-8');
  assert.equal(wrong.kind === 'text' && wrong.encoding, 'windows-1256');
  assert.match(wrong.kind === 'text' ? (wrong.warnings[0]?.message ?? '') : '', /declares utf-8/);
});

// A charset from the transport (an HTTP Content-Type header): it outranks the page's meta when the bytes agree;
// when they do not, detection wins, with a warning unless the page's own declaration names what the bytes are.
interface HeaderCase {
  name: string;
  bytes: Uint8Array;
  format: RawPage['format'];
  charset: string;
  encoding: string;
  /** The warning's message, or null for none. */
  warning: RegExp | null;
}
const header: HeaderCase[] = [
  { name: 'header windows-1256 over a wrong meta utf-8', bytes: html(meta('utf-8'), win1256(ARABIC[0]!)), format: 'html', charset: 'windows-1256', encoding: 'windows-1256', warning: null },
  { name: 'header iso-8859-6 chosen over meta windows-1256 for bytes both can read', bytes: html(meta('windows-1256'), iso88596(ARABIC[1]!)), format: 'html', charset: 'iso-8859-6', encoding: 'iso-8859-6', warning: null },
  { name: 'a server default ISO-8859-1 header over a page that declares windows-1256', bytes: html(httpEquiv('windows-1256'), win1256(ARABIC[2]!)), format: 'html', charset: 'ISO-8859-1', encoding: 'windows-1256', warning: null },
  { name: 'header utf-8 over a windows-1256 page with no meta', bytes: html('', win1256(ARABIC[3]!)), format: 'html', charset: 'utf-8', encoding: 'windows-1256', warning: /^the encoding.*: the HTTP header declares utf-8, but the bytes are windows-1256$/ },
  { name: 'header and meta both wrong: the header is named', bytes: html(meta('iso-8859-6'), utf8(ARABIC[4]!)), format: 'html', charset: 'windows-1256', encoding: 'utf-8', warning: /the HTTP header declares windows-1256, but the bytes are utf-8/ },
  { name: 'a whole Content-Type value', bytes: html('', win1256(ARABIC[0]!)), format: 'html', charset: 'text/html; charset="windows-1256"', encoding: 'windows-1256', warning: null },
  { name: 'a text page: header honoured', bytes: win1256(ARABIC[1]!), format: 'text', charset: 'cp1256', encoding: 'windows-1256', warning: null },
  { name: 'a text page: a wrong header overruled', bytes: utf8(ARABIC[1]!), format: 'text', charset: 'windows-1256', encoding: 'utf-8', warning: /HTTP header declares windows-1256, but the bytes are utf-8/ },
  { name: 'an unknown label', bytes: utf8(ARABIC[2]!), format: 'text', charset: 'x-bogus', encoding: 'utf-8', warning: /HTTP header declares x-bogus/ },
  { name: 'UTF-16LE without BOM, as the header says: no guess', bytes: utf16le(ARABIC[3]!), format: 'text', charset: 'utf-16le', encoding: 'utf-16le', warning: null },
];
for (const c of header) {
  test(`http charset: ${c.name}`, () => {
    const page = decode({ source: 'x', format: c.format, bytes: c.bytes, charset: c.charset });
    assert.equal(page.encoding, c.encoding);
    assert.equal(page.language, 'ar');
    if (c.warning === null) assert.deepEqual(page.warnings, []);
    else {
      assert.deepEqual(page.warnings.map((w) => w.rule), [GUESS]);
      assert.match(page.warnings[0]!.message, c.warning);
    }
  });
}

test('html: no charset declared, utf-8 bytes: utf-8 without a warning (valid UTF-8 is no guess)', () => {
  const page = decode({ source: 'x.html', format: 'html', bytes: html('', utf8(ARABIC[0]!)) });
  assert.equal(page.encoding, 'utf-8');
  assert.deepEqual(page.warnings, []);
});
