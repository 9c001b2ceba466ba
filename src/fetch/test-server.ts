/**
 * A local web server for tests (127.0.0.1, a free port): Arabic news pages written for rasd (invented news, in
 * three outlet styles: modern article pages, a sports site with byline, tags and a sidebar, and an old
 * table-layout portal not listed in the feeds), an RSS and an Atom feed that list the pages of PAGES, and the
 * web's bad days — a slow answer (`/slow`: headers late; `/trickle`: a body that drips), errors that pass (`/flaky`: 500 twice), a 429 with Retry-After (`/busy`), a 404
 * (`/missing` and any unknown path), redirects (`/redirect`) and a redirect loop (`/loop`), a redirect to ftp
 * (`/to-ftp`), an endless body (`/huge`, streamed from one reused chunk), a page whose charset only the header names
 * (`/cp1256.html`), a page with ETag and Last-Modified that answers 304 (`/etag.html`), a PNG (`/image.png`).
 *
 * Routes can be given at start, added or replaced while it runs (`set`), and the pages' HTML changed through
 * `PAGES` (a page updated, a feed with a new item: the feeds are built from PAGES at each request). The server
 * counts requests per path (`hits`) and the most requests in flight at once per first path segment (`peak`), so
 * tests can check politeness from the server's side. Not used at run time.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  delayMs?: number;
  handler?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
  /** Requests received for a path. */
  hits(path: string): number;
  /** Adds or replaces a route. */
  set(path: string, route: Route): void;
  /** Most requests in flight at once, per first path segment ('/news', '/a.test'; '' = all). */
  peak(prefix?: string): number;
}

/** A modern article page: header navigation, one <article>, a footer. */
const page = (title: string, outlet: string, date: string, paragraphs: string[]): string => `<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title} | ${outlet}</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="${outlet}">
<meta property="article:published_time" content="${date}T09:30:00+03:00"></head>
<body><header><nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a> <a href="/economy">اقتصاد</a></nav></header>
<main><article><h1>${title}</h1><time datetime="${date}">${date}</time>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main><footer>جميع الحقوق محفوظة © ${outlet}</footer></body></html>`;

export const PAGES: Record<string, { title: string; html: string; date: string }> = {
  '/news/1.html': {
    title: 'افتتاح محطة لتحلية المياه في مدينة ساحلية',
    date: '2025-05-04',
    html: '',
  },
  '/news/2.html': { title: 'ارتفاع أسعار الخضار في الأسواق قبل العيد', date: '2025-05-05', html: '' },
  '/news/3.html': { title: 'منتخب الشباب يتأهل إلى نهائي البطولة العربية', date: '2025-05-06', html: '' },
};
PAGES['/news/1.html']!.html = page(PAGES['/news/1.html']!.title, 'صحيفة الساحل', '2025-05-04', [
  'افتتح وزير المياه صباح الأحد محطة جديدة لتحلية مياه البحر في المدينة الساحلية بطاقة تبلغ مئة ألف متر مكعب يوميا، في مشروع استغرق تنفيذه ثلاث سنوات.',
  'وقال الوزير في كلمة خلال حفل الافتتاح إن "المحطة ستنهي أزمة انقطاع المياه التي عانى منها السكان في فصل الصيف"، مشيرا إلى أن الحكومة تخطط لإنشاء محطتين مماثلتين بحلول عام 2027.',
  'وأوضح مدير المشروع أن المحطة تعمل بالطاقة الشمسية جزئيا، وأن كلفة إنتاج المتر المكعب انخفضت إلى النصف مقارنة بالمحطات القديمة.',
]);
/** An older portal: a layout table, breadcrumbs, the date in words, "read also" links and a print button. */
const portal = (title: string, outlet: string, dateText: string, paragraphs: string[]): string => `<html dir="rtl"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${outlet} - ${title}</title></head>
<body><table width="100%" class="layout"><tr><td colspan="2" class="top">${outlet} | <a href="/">الصفحة الرئيسية</a> | <a href="/markets">الأسواق</a> | <a href="/contact">اتصل بنا</a></td></tr>
<tr><td class="side" width="200"><b>أقسام</b><br><a href="/local">محليات</a><br><a href="/world">عربي ودولي</a><br><a href="/sport">رياضة</a></td>
<td class="main"><div class="crumbs"><a href="/">الرئيسية</a> &gt; <a href="/markets">الأسواق</a></div>
<div class="news-title"><h2>${title}</h2></div><div class="news-date">${dateText}</div>
<div class="news-body">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div>
<div class="read-also"><b>اقرأ أيضا:</b><ul><li><a href="/markets/fuel">الحكومة تثبت أسعار الوقود حتى نهاية الربع الثالث</a></li><li><a href="/markets/gold">تراجع طفيف في أسعار الذهب مع بداية الأسبوع</a></li></ul></div>
<div class="tools"><a href="javascript:print()">طباعة</a> | <a href="/send">أرسل لصديق</a></div></td></tr>
<tr><td colspan="2" class="bottom">حقوق النشر محفوظة لـ${outlet} 2025</td></tr></table></body></html>`;

/** A sports site: a section label, a byline, tags, a "most read" sidebar and a cookie banner. */
const sports = (title: string, outlet: string, date: string, paragraphs: string[]): string => `<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title} - ${outlet}</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"${date}T21:40:00+03:00"}</script></head>
<body><div class="cookies">نستخدم ملفات تعريف الارتباط لتحسين تجربتك. <button>موافق</button></div>
<header class="site"><a class="logo" href="/">${outlet}</a><ul class="menu"><li>كرة القدم</li><li>كرة السلة</li><li>ألعاب القوى</li></ul></header>
<div class="page"><section class="story"><span class="label">منتخبات</span><h1 class="headline">${title}</h1>
<div class="byline">كتب: محرر الشؤون الرياضية</div><div class="published">${date} 21:40</div>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<div class="tags">وسوم: <a href="/tag/youth">منتخب الشباب</a> <a href="/tag/arab-cup">البطولة العربية</a></div></section>
<aside class="most-read"><h3>الأكثر قراءة</h3><ol><li><a href="/s/1">نادي المدينة يجدد عقد حارسه لموسمين</a></li><li><a href="/s/2">اتحاد اللعبة يعلن مواعيد الدوري الجديد</a></li><li><a href="/s/3">عداءة شابة تحطم الرقم القياسي في سباق 800 متر</a></li></ol></aside></div>
<footer>© ${outlet} — جميع الحقوق محفوظة</footer></body></html>`;

PAGES['/news/2.html']!.html = page(PAGES['/news/2.html']!.title, 'بوابة السوق', '2025-05-05', [
  'شهدت أسواق الخضار في العاصمة ارتفاعا ملحوظا في الأسعار خلال الأيام الأخيرة، مع تزايد الطلب قبل حلول عيد الأضحى وتراجع الكميات الواردة من المزارع.',
  'وقال تاجر في سوق الجملة إن سعر كيلوغرام الطماطم تضاعف خلال أسبوع واحد، مرجعا ذلك إلى موجة الحر التي أضرت بالمحاصيل في المناطق الزراعية الجنوبية.',
  'من جهتها، أعلنت وزارة التجارة عن حملات رقابية على الأسواق لضبط الأسعار، ودعت المواطنين إلى الإبلاغ عن أي تجاوزات عبر الخط الساخن.',
]);
PAGES['/news/3.html']!.html = sports(PAGES['/news/3.html']!.title, 'ملاعب اليوم', '2025-05-06', [
  'تأهل منتخب الشباب لكرة القدم إلى المباراة النهائية في البطولة العربية بعد فوزه على نظيره بهدفين مقابل هدف في مباراة مثيرة أقيمت مساء الثلاثاء.',
  'وسجل المهاجم الشاب هدف الفوز في الدقيقة الثامنة والثمانين بتسديدة قوية من خارج منطقة الجزاء، ليشعل مدرجات الملعب التي امتلأت بالجماهير.',
  'وقال مدرب المنتخب في المؤتمر الصحفي عقب المباراة إن "اللاعبين قدموا أداء رجوليا"، مؤكدا أن الفريق سيلعب النهائي بطموح الفوز باللقب للمرة الأولى.',
]);

/**
 * Pages served but listed in no feed (so that tests counting the feeds' items are not affected): an old portal
 * layout, where the headline is an <h2> in a layout table and the <title> starts with the outlet's name.
 */
export const EXTRA_PAGES: Record<string, { title: string; html: string; date: string }> = {
  '/archive/2025/05/05/bread.html': { title: 'المخابز تطالب بزيادة حصص الطحين المدعوم', date: '2025-05-05', html: '' },
};
EXTRA_PAGES['/archive/2025/05/05/bread.html']!.html = portal(EXTRA_PAGES['/archive/2025/05/05/bread.html']!.title, 'بوابة السوق', 'الاثنين 5 مايو 2025 - 10:15 ص', [
  'طالب أصحاب المخابز في العاصمة والمحافظات المجاورة بزيادة حصصهم الشهرية من الطحين المدعوم، مؤكدين أن الكميات الحالية لا تكفي لتلبية الطلب المتزايد خلال الأسابيع الأخيرة.',
  'وقال رئيس جمعية أصحاب المخابز في بيان إن "عشرات المخابز اضطرت إلى تقليص ساعات عملها"، داعيا وزارة التموين إلى مراجعة آلية التوزيع المعتمدة منذ العام الماضي.',
  'في المقابل، أكد متحدث باسم الوزارة أن المخزون الاستراتيجي من القمح يكفي لستة أشهر، وأن لجنة فنية ستدرس طلبات الزيادة وترفع توصياتها خلال أسبوعين.',
]);

function rss(base: string): string {
  const items = Object.entries(PAGES)
    .reverse()
    .map(([path, p]) => `<item><title><![CDATA[${p.title}]]></title><link>${path}</link><guid>${base}${path}</guid><pubDate>${new Date(`${p.date}T09:30:00Z`).toUTCString()}</pubDate></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>أخبار الاختبار</title><link>${base}/</link>\n${items}\n</channel></rss>`;
}

function atom(base: string): string {
  const entries = Object.entries(PAGES)
    .reverse()
    .map(([path, p]) => `<entry><title type="html">${p.title}</title><link rel="alternate" href="${base}${path}"/><id>${base}${path}</id><published>${p.date}T09:30:00Z</published></entry>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>خلاصة أتوم</title>\n${entries}\n</feed>`;
}

/** windows-1256 bytes of an Arabic text (letters, spaces and a few punctuation marks). */
export function encode1256(text: string): Uint8Array {
  const table: Record<string, number> = { 'ء': 0xc1, 'آ': 0xc2, 'أ': 0xc3, 'ؤ': 0xc4, 'إ': 0xc5, 'ئ': 0xc6, 'ا': 0xc7, 'ب': 0xc8, 'ة': 0xc9, 'ت': 0xca, 'ث': 0xcb, 'ج': 0xcc, 'ح': 0xcd, 'خ': 0xce, 'د': 0xcf, 'ذ': 0xd0, 'ر': 0xd1, 'ز': 0xd2, 'س': 0xd3, 'ش': 0xd4, 'ص': 0xd5, 'ض': 0xd6, 'ط': 0xd8, 'ظ': 0xd9, 'ع': 0xda, 'غ': 0xdb, 'ف': 0xdd, 'ق': 0xde, 'ك': 0xdf, 'ل': 0xe1, 'م': 0xe3, 'ن': 0xe4, 'ه': 0xe5, 'و': 0xe6, 'ى': 0xec, 'ي': 0xed, '،': 0xa1 };
  const out: number[] = [];
  for (const ch of text) {
    const b = table[ch];
    if (b !== undefined) out.push(b);
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else throw new Error(`encode1256: no byte for ${ch}`);
  }
  return Uint8Array.from(out);
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

/** Starts the server; `routes` are added to (or replace) the built-in ones. */
export async function startTestServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const hits = new Map<string, number>();
  const inflight = new Map<string, number>();
  const peaks = new Map<string, number>();
  let base = '';
  const counters = { flaky: 0, busy: 0 };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    for (const prefix of ['', path.split('/').slice(0, 2).join('/')]) {
      const n = (inflight.get(prefix) ?? 0) + 1;
      inflight.set(prefix, n);
      peaks.set(prefix, Math.max(peaks.get(prefix) ?? 0, n));
    }
    res.on('close', () => {
      for (const prefix of ['', path.split('/').slice(0, 2).join('/')]) inflight.set(prefix, (inflight.get(prefix) ?? 1) - 1);
    });
    const route = table.get(path) ?? builtIn(path, req, counters, base);
    if (route === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const answer = (): void => {
      if (route.handler) return route.handler(req, res);
      res.writeHead(route.status ?? 200, route.headers ?? { 'content-type': 'text/html; charset=utf-8' });
      res.end(route.body ?? '');
    };
    if (route.delayMs) {
      const timer = setTimeout(answer, route.delayMs);
      res.on('close', () => clearTimeout(timer)); // the client gave up: nothing left to answer, nothing to keep the process alive
    } else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    hits: (p) => hits.get(p) ?? 0,
    set: (p, r) => void table.set(p, r),
    peak: (prefix = '') => peaks.get(prefix) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function builtIn(path: string, req: IncomingMessage, counters: { flaky: number; busy: number }, base: string): Route | null {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  const p = PAGES[path] ?? EXTRA_PAGES[path];
  if (p) return { body: p.html, headers: html };
  switch (path) {
    case '/feed.xml':
      return { body: rss(base), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } };
    case '/atom.xml':
      return { body: atom(base), headers: { 'content-type': 'text/xml' } }; // a feed whatever its type says
    case '/etag.html': {
      const etag = '"v1"';
      const lastModified = 'Sun, 04 May 2025 09:30:00 GMT';
      if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) return { status: 304, headers: { etag } };
      return { body: PAGES['/news/1.html']!.html, headers: { ...html, etag, 'last-modified': lastModified } };
    }
    case '/slow':
      return { body: PAGES['/news/2.html']!.html, headers: html, delayMs: 3000 };
    case '/trickle':
      return {
        handler: (_req, res) => {
          res.writeHead(200, html);
          const body = Buffer.from(PAGES['/news/2.html']!.html);
          let at = 0;
          const timer = setInterval(() => {
            res.write(body.subarray(at, (at += 64)));
            if (at >= body.length) {
              clearInterval(timer);
              res.end();
            }
          }, 50);
          res.on('close', () => clearInterval(timer));
        },
      };
    case '/flaky':
      return counters.flaky++ < 2 ? { status: 500, body: 'oops', headers: { 'content-type': 'text/plain' } } : { body: PAGES['/news/3.html']!.html, headers: html };
    case '/busy':
      return counters.busy++ < 1 ? { status: 429, body: 'slow down', headers: { 'retry-after': '1', 'content-type': 'text/plain' } } : { body: PAGES['/news/1.html']!.html, headers: html };
    case '/missing':
      return null;
    case '/redirect':
      return { status: 301, headers: { location: '/redirect2' } };
    case '/redirect2':
      return { status: 302, headers: { location: `${base}/news/1.html` } };
    case '/loop':
      return { status: 302, headers: { location: '/loop/back' } };
    case '/loop/back':
      return { status: 307, headers: { location: `${base}/loop` } };
    case '/to-ftp':
      return { status: 302, headers: { location: 'ftp://127.0.0.1/x' } };
    case '/huge':
      return {
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
          const chunk = Buffer.alloc(64 * 1024, 'ا'.charCodeAt(0) & 0x7f);
          let sent = 0;
          const push = (): void => {
            while (sent < 64 * 1024 * 1024) {
              sent += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', push);
            }
            res.end();
          };
          res.on('close', () => (sent = Infinity));
          push();
        },
      };
    case '/cp1256.html':
      return {
        body: Buffer.concat([
          Buffer.from('<html><head><title>x</title></head><body><article><h1>'),
          Buffer.from(encode1256('وزارة الصحة تطلق حملة تطعيم جديدة')),
          Buffer.from('</h1><p>'),
          Buffer.from(encode1256('أعلنت وزارة الصحة عن إطلاق حملة وطنية للتطعيم ضد الحصبة تستهدف الأطفال في جميع المحافظات، وتستمر الحملة أسبوعين كاملين بمشاركة آلاف العاملين في القطاع الصحي')),
          Buffer.from('.</p><p>'),
          Buffer.from(encode1256('وقال مدير الرعاية الصحية الأولية إن الفرق الطبية ستزور المدارس والبيوت في القرى البعيدة، داعيا الأهالي إلى التعاون مع الفرق وتسجيل أطفالهم في المراكز الصحية القريبة منهم')),
          Buffer.from('.</p></article></body></html>'),
        ]),
        headers: { 'content-type': 'text/html; charset=windows-1256' },
      };
    case '/image.png':
      return { body: PNG, headers: { 'content-type': 'image/png' } };
    default:
      return null;
  }
}
