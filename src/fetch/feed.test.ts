import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed, looksLikeFeed, type FeedItem } from './index.js';
import { encode1256 } from './test-server.js';

const RSS = (items: string, head = '<title>قناة</title>'): string => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${head}${items}</channel></rss>`;
const ATOM = (entries: string): string => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>أتوم</title><link rel="self" href="/atom"/>${entries}</feed>`;
const item = (over: Partial<FeedItem> = {}): FeedItem => ({ url: 'https://a.test/1', title: null, published: null, id: null, ...over });

test('looksLikeFeed: by content, with prologs, comments, stylesheets and doctypes', () => {
  const cases: [string, boolean][] = [
    ['<rss version="2.0"><channel></channel></rss>', true],
    ['\uFEFF<?xml version="1.0"?>\n<!-- generated -->\n<?xml-stylesheet href="s.xsl"?>\n<rss>', true],
    ['<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91">', true],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', true],
    ['<feed xmlns="http://www.w3.org/2005/Atom">', true],
    ['<feed xml:lang="ar" xmlns="http://www.w3.org/2005/Atom">', true],
    ['<feed><entry/></feed>', false], // no Atom namespace
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', true],
    ['{"version": "1.0", "items": []}', false],
    ['<!DOCTYPE html><html><body><p>rss</p></body></html>', false],
    ['<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head></html>', false],
    ['plain text that mentions <rss', false],
    ['', false],
  ];
  for (const [input, want] of cases) {
    assert.equal(looksLikeFeed(new TextEncoder().encode(input)), want, input);
    assert.equal(looksLikeFeed(input), want, input);
  }
});

test('RSS 2.0: relative links resolved, CDATA and entities, guid as link, dates as ISO, feed order', () => {
  const feed = parseFeed(
    RSS(`
      <item><title><![CDATA[<b>وزير</b> المالية: «الموازنة & العجز»]]></title><link>/ar/news/1?x=1&amp;y=2</link>
        <guid isPermaLink="false">id-1</guid><pubDate>Tue, 06 May 2025 12:30:00 +0300</pubDate></item>
      <item><description><![CDATA[<p>نص <link>https://evil.test/</link></p>]]></description>
        <title>ارتفاع &quot;الأسعار&quot; &#1601;&#x64A; السوق</title><link> https://b.test/2 </link></item>
      <item><title>رابط في guid</title><guid>https://b.test/3</guid><dc:date>2025-05-01T08:00:00+02:00</dc:date></item>
      <item><title>guid ليس رابطا</title><guid isPermaLink="false">https://b.test/4</guid></item>
      <item><title>بلا رابط</title></item>
      <item><title>رابط غير http</title><link>javascript:alert(1)</link></item>`),
    'https://a.test/ar/rss.xml',
  );
  assert.equal(feed?.title, 'قناة');
  assert.deepEqual(feed?.items, [
    item({ url: 'https://a.test/ar/news/1?x=1&y=2', title: 'وزير المالية: «الموازنة & العجز»', published: '2025-05-06T09:30:00.000Z', id: 'id-1' }),
    item({ url: 'https://b.test/2', title: 'ارتفاع "الأسعار" في السوق' }),
    item({ url: 'https://b.test/3', title: 'رابط في guid', published: '2025-05-01T06:00:00.000Z', id: 'https://b.test/3' }),
  ]);
});

test('RSS dates: RFC 822 variants read, nonsense left null', () => {
  const dates: [string, string | null][] = [
    ['Tue, 06 May 2025 09:30:00 GMT', '2025-05-06T09:30:00.000Z'],
    ['6 May 2025 09:30:00 +0000', '2025-05-06T09:30:00.000Z'],
    ['Tue, 06 May 2025 09:30:00 UT', '2025-05-06T09:30:00.000Z'],
    ['Tue, 06 May 2025 05:30:00 EDT', '2025-05-06T09:30:00.000Z'],
    ['2025-05-06T09:30:00Z', '2025-05-06T09:30:00.000Z'],
    ['منذ ساعة', null],
    ['1', null],
    ['', null],
  ];
  for (const [d, want] of dates) {
    const f = parseFeed(RSS(`<item><link>https://a.test/1</link><pubDate>${d}</pubDate></item>`), 'https://a.test/');
    assert.equal(f?.items[0]?.published, want, d);
  }
});

test('RSS 1.0 (RDF): items outside the channel, dc:date, rdf:about as the id', () => {
  const f = parseFeed(
    `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.test/"><title>نشرة</title><items><rdf:Seq><rdf:li resource="https://r.test/a"/></rdf:Seq></items></channel>
      <item rdf:about="https://r.test/a"><title>خبر &amp; تعليق</title><link>a</link><dc:date>2025-01-02T03:04:05Z</dc:date></item>
      <item rdf:about="https://r.test/b"><title>ثان</title><link>https://r.test/b</link></item></rdf:RDF>`,
    'https://r.test/',
  );
  assert.equal(f?.title, 'نشرة');
  assert.deepEqual(f?.items, [
    item({ url: 'https://r.test/a', title: 'خبر & تعليق', published: '2025-01-02T03:04:05.000Z', id: 'https://r.test/a' }),
    item({ url: 'https://r.test/b', title: 'ثان', id: 'https://r.test/b' }),
  ]);
});

test('Atom: the alternate link (else the first), relative hrefs, escaped HTML titles, updated when not published', () => {
  const f = parseFeed(
    ATOM(`
      <entry><title type="html">&lt;b&gt;قمة&lt;/b&gt; عربية</title><link rel="self" href="/api/1"/><link rel="alternate" type="text/html" href="/news/1"/>
        <id>tag:a.test,2025:1</id><published>2025-05-06T09:30:00+03:00</published><updated>2025-05-07T00:00:00Z</updated></entry>
      <entry><title><![CDATA[عنوان في CDATA]]></title><link href='https://c.test/2'/><updated>2025-05-08T10:00:00Z</updated></entry>
      <entry><title>بلا رابط</title></entry>
      <entry><title>رابط غير بديل</title><link rel="enclosure" href="/img.jpg"/></entry>`),
    'https://a.test/feeds/atom.xml',
  );
  assert.equal(f?.title, 'أتوم');
  assert.deepEqual(f?.items, [
    item({ url: 'https://a.test/news/1', title: 'قمة عربية', published: '2025-05-06T06:30:00.000Z', id: 'tag:a.test,2025:1' }),
    item({ url: 'https://c.test/2', title: 'عنوان في CDATA', published: '2025-05-08T10:00:00.000Z' }),
    item({ url: 'https://a.test/img.jpg', title: 'رابط غير بديل' }),
  ]);
});

test('JSON Feed: url or external_url, numeric ids, date_modified, broken items skipped', () => {
  const f = parseFeed(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'جيسون',
      items: [
        { id: 7, url: '/b', title: ' ب ', date_published: '2025-02-03T00:00:00Z' },
        { id: 'x', external_url: 'https://ext.test/c', date_modified: '2025-02-04T00:00:00+01:00' },
        { id: 'no-url', title: 'بلا رابط' },
        'not an item',
        null,
      ],
    }),
    'https://y.test/feed.json',
  );
  assert.equal(f?.title, 'جيسون');
  assert.deepEqual(f?.items, [item({ url: 'https://y.test/b', title: 'ب', published: '2025-02-03T00:00:00.000Z', id: '7' }), item({ url: 'https://ext.test/c', published: '2025-02-03T23:00:00.000Z', id: 'x' })]);
  assert.equal(parseFeed('{"version":"https://jsonfeed.org/version/1", broken', 'https://z.test/'), null);
  assert.equal(parseFeed('{"version":"https://jsonfeed.org/version/1","items":"none"}', 'https://z.test/'), null);
});

test('bytes are decoded as the XML declaration says (windows-1256), else as UTF-8', () => {
  const title = 'وزارة الصحة تطلق حملة';
  const bytes = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>'),
    Buffer.from(encode1256('أخبار')),
    Buffer.from('</title><item><title>'),
    Buffer.from(encode1256(title)),
    Buffer.from('</title><link>https://w.test/1</link></item></channel></rss>'),
  ]);
  const f = parseFeed(bytes, 'https://w.test/');
  assert.equal(f?.title, 'أخبار');
  assert.equal(f?.items[0]?.title, title);
  const utf8 = parseFeed(new TextEncoder().encode(RSS('<item><title>عنوان</title><link>https://w.test/2</link></item>')), 'https://w.test/');
  assert.equal(utf8?.items[0]?.title, 'عنوان');
  // an encoding TextDecoder does not know: read as UTF-8 rather than thrown
  const odd = parseFeed(new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?>' + RSS('<item><title>ع</title><link>https://w.test/3</link></item>').replace(/^<\?xml[^>]*\?>/, '')), 'https://w.test/');
  assert.equal(odd?.items[0]?.title, 'ع');
});

test('malformed feeds: what can be read is read, nothing throws; at most 500 items', () => {
  const broken = parseFeed('<rss><channel><title>مكسورة<item><title>أ</title><link>https://z.test/1</link></item><item><link>https://z.test/2</link><title>مقطوع', 'https://z.test/');
  assert.deepEqual(broken?.items.map((i) => i.url), ['https://z.test/1']);
  assert.equal(parseFeed('<html><body>not a feed</body></html>', 'https://z.test/'), null);
  assert.equal(parseFeed('', 'https://z.test/'), null);
  assert.equal(parseFeed(new Uint8Array([0xff, 0xfe, 0, 0, 1, 2]), 'https://z.test/'), null);
  assert.deepEqual(parseFeed('<rss><channel><item><link>::::</link></item>', 'not a base')?.items, []);
  const many = RSS(Array.from({ length: 700 }, (_, i) => `<item><link>/n/${i}</link></item>`).join(''));
  const f = parseFeed(many, 'https://m.test/');
  assert.equal(f?.items.length, 500);
  assert.equal(f?.items[499]?.url, 'https://m.test/n/499');
});

test('hostile feeds are read in linear time (unclosed items, CDATA, comments)', () => {
  const n = 100_000;
  for (const junk of ['<item><title>x', '<![CDATA[x', '<!--x', '<entry><link href="/x"/>']) {
    const body = (junk.startsWith('<entry') ? ATOM('') : RSS('')).replace(/<\/(channel|feed)>/, junk.repeat(n) + '</$1>');
    const t = Date.now();
    assert.doesNotThrow(() => parseFeed(body, 'https://h.test/'));
    assert.ok(Date.now() - t < 4000, `${junk}: ${Date.now() - t} ms`); // quadratic would take minutes
  }
});

test('RSS extras: feedburner:origLink first, atom:link and <link href>, raw HTML in a description, HTML entities in titles', () => {
  const f = parseFeed(
    RSS(`
      <item><title>أصل &hellip; &laquo;منقول&raquo;&nbsp;هنا</title><link>https://feeds.test/~r/x/1</link><feedburner:origLink>https://a.test/real/1</feedburner:origLink></item>
      <item><title>بلا link نصي</title><atom:link rel="alternate" href="/via-atom"/></item>
      <item><title>link بسمة</title><link href="/via-href"/></item>
      <item><description><p>نص <a href="https://evil.test/">رابط</a> <link rel="stylesheet" href="https://evil.test/css"></p></description><title>وصف بلا CDATA</title><link>/raw</link>
        <content:encoded><![CDATA[<p><link>https://evil.test/2</link></p>]]></content:encoded></item>
      <item><title>عنوان مُشفّر مرتين &amp;quot;هكذا&amp;quot;</title><link>/twice</link></item>`,
      '<title>قناة</title><atom:link rel="self" href="https://a.test/rss"/>'),
    'https://a.test/rss',
  );
  assert.deepEqual(f?.items.map((i) => [i.url, i.title]), [
    ['https://a.test/real/1', 'أصل … «منقول» هنا'],
    ['https://a.test/via-atom', 'بلا link نصي'],
    ['https://a.test/via-href', 'link بسمة'],
    ['https://a.test/raw', 'وصف بلا CDATA'],
    ['https://a.test/twice', 'عنوان مُشفّر مرتين "هكذا"'],
  ]);
});

test('Atom: xml:base on the feed, the entry and the link; a prefixed Atom feed; the id as a last resort', () => {
  const f = parseFeed(
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.test/ar/"><title>قاعدة</title>
      <entry><title>نسبي</title><link href="news/1"/></entry>
      <entry xml:base="/sport/"><title>قاعدة المدخل</title><link href="2"/></entry>
      <entry><title>قاعدة الرابط</title><link xml:base="https://other.test/x/" href="3"/></entry>
      <entry><title>المعرف</title><id>https://base.test/id/4</id></entry>
      <entry><title>معرف غير رابط</title><id>urn:uuid:5</id></entry></feed>`,
    'https://feed.test/atom.xml',
  );
  assert.deepEqual(f?.items.map((i) => i.url), ['https://base.test/ar/news/1', 'https://base.test/sport/2', 'https://other.test/x/3', 'https://base.test/id/4']);
  const prefixed = parseFeed(
    '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>بادئة</atom:title><atom:entry><atom:title>م</atom:title><atom:link href="/p"/><atom:updated>2025-05-01T00:00:00Z</atom:updated></atom:entry></atom:feed>',
    'https://p.test/',
  );
  assert.deepEqual(prefixed, { title: 'بادئة', items: [item({ url: 'https://p.test/p', title: 'م', published: '2025-05-01T00:00:00.000Z' })] });
  assert.equal(parseFeed('<feed><entry><link href="/x"/></entry></feed>', 'https://p.test/'), null, 'a <feed> that is not Atom');
});

test('decoding: BOM, then valid UTF-8, then the HTTP charset (but a Latin-1 default yields to the XML declaration)', () => {
  const body = (decl: string): Uint8Array =>
    Buffer.concat([Buffer.from(`<?xml version="1.0"${decl}?><rss version="2.0"><channel><item><title>`), Buffer.from(encode1256('خبر عاجل')), Buffer.from('</title><link>https://w.test/1</link></item></channel></rss>')]);
  const title = (bytes: Uint8Array, charset?: string | null): string | null | undefined => parseFeed(bytes, 'https://w.test/', { charset: charset ?? null })?.items[0]?.title;
  assert.equal(title(body(''), 'windows-1256'), 'خبر عاجل', 'only the header names it');
  assert.equal(title(body(' encoding="windows-1256"'), 'iso-8859-1'), 'خبر عاجل', 'a server default does not win');
  assert.equal(title(body(' encoding="windows-1256"'), null), 'خبر عاجل');
  assert.equal(title(body(''), null), 'خبر عاجل', 'nothing declared: detected');
  const utf8 = new TextEncoder().encode(RSS('<item><title>عنوان</title><link>https://w.test/2</link></item>'));
  assert.equal(title(utf8, 'windows-1256'), 'عنوان', 'valid UTF-8 is UTF-8, whatever the header says');
  assert.equal(title(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'windows-1256'), 'عنوان');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RSS('<item><title>ستة عشر</title><link>https://w.test/3</link></item>'), 'utf16le')]);
  assert.equal(title(utf16), 'ستة عشر');
  assert.equal(looksLikeFeed(utf16), true);
});

test('maxItems option, and items cut off by the end of the text are dropped', () => {
  const f = parseFeed(RSS(Array.from({ length: 10 }, (_, i) => `<item><link>/n/${i}</link></item>`).join('')), 'https://m.test/', { maxItems: 3 });
  assert.deepEqual(f?.items.map((i) => i.url), ['https://m.test/n/0', 'https://m.test/n/1', 'https://m.test/n/2']);
  const cut = parseFeed('<rss><channel><title>ق</title><item><link>/a</link></item><item><link>/b</link></it', 'https://m.test/');
  assert.deepEqual(cut, { title: 'ق', items: [item({ url: 'https://m.test/a' })] });
});
