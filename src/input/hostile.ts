/**
 * A folder of hostile and broken inputs, for tests (not used at run time): binary files under page names, empty
 * and blank files, invalid UTF-8, a declared charset the bytes contradict or a missing one, mojibake (UTF-8 read as
 * windows-1252, windows-874 or windows-1256 and saved again, with and without lost bytes), Persian and Urdu pages,
 * HTML saved as .txt (and a text with a few stray tags, which stays text), deeply nested HTML, a page that is mostly
 * script and style and one that is nothing else, a file too large to read whole (on request), an unsupported
 * extension and an unreadable file — and good Arabic pages among them. The manifest says what each must give.
 */
import { chmodSync, closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { win1256 } from './test-text.js';

export interface HostileFile {
  file: string;
  /** A good page: at least one article must come out of it. */
  good: boolean;
  /** The warning rule it must raise. */
  rule?: string;
  /** The main headline it must give (a repaired page). */
  title?: string;
}

export type Manifest = HostileFile[];

export const GOOD_TEXT = [
  'وزارة الصحة تطلق حملة تطعيم جديدة ضد الحصبة',
  'أعلنت وزارة الصحة صباح اليوم عن إطلاق حملة وطنية للتطعيم ضد الحصبة تستهدف الأطفال في جميع المحافظات، وتستمر الحملة أسبوعين كاملين بمشاركة آلاف العاملين في القطاع الصحي.',
  'وقال مدير الرعاية الصحية الأولية إن الفرق الطبية ستزور المدارس والبيوت في القرى البعيدة، داعيا الأهالي إلى التعاون مع الفرق وتسجيل أطفالهم في المراكز الصحية القريبة منهم.',
  'وأوضح أن الوزارة وفرت كميات كافية من اللقاحات المستوردة حديثا، وأن الحملة مجانية بالكامل لجميع المواطنين والمقيمين في البلاد.',
].join('\n\n');

const GOOD_2 = [
  'افتتاح أكبر معرض للكتاب في المنطقة بمشاركة ثلاثمئة دار نشر',
  'افتتح وزير الثقافة مساء الأربعاء الدورة الجديدة لمعرض الكتاب الدولي، بمشاركة أكثر من ثلاثمئة دار نشر عربية وأجنبية تعرض نحو مئة ألف عنوان.',
  'وقال مدير المعرض في مؤتمر صحفي إن الدورة الحالية تخصص جناحا لكتب الأطفال وآخر للترجمة، إضافة إلى برنامج ثقافي يضم ندوات وأمسيات شعرية يومية.',
  'ويستمر المعرض عشرة أيام، ويتوقع المنظمون أن يتجاوز عدد زواره نصف مليون زائر، بعد أن سجلت الدورة الماضية رقما قياسيا في المبيعات.',
].join('\n\n');

/** A wire-agency story: dateline, agency credit, a quotation. */
const GOOD_3 = [
  'الأرصاد تحذر من منخفض جوي يجلب أمطارا غزيرة وسيولا',
  'عمّان 12 تشرين الثاني (وكالة الأنباء) - حذرت دائرة الأرصاد الجوية اليوم الثلاثاء من تأثر المملكة بمنخفض جوي عميق اعتبارا من مساء الغد، يرافقه هطول غزير للأمطار وتشكل السيول في الأودية والمناطق المنخفضة.',
  'وقال مدير الدائرة في تصريح صحفي إن "كميات الأمطار المتوقعة قد تتجاوز خمسين مليمترا في بعض المناطق الشمالية"، مطالبا السائقين بتوخي الحذر وعدم الاقتراب من مجاري السيول.',
  'وأعلنت مديرية الدفاع المدني رفع درجة الجاهزية في جميع مراكزها، فيما قررت وزارة التربية والتعليم تعليق الدوام في المدارس الحكومية والخاصة يوم الخميس حفاظا على سلامة الطلبة.',
].join('\n\n');

/** An economy story from a portal: numbers, a second speaker. */
const GOOD_4 = [
  'البنك المركزي يبقي أسعار الفائدة دون تغيير للمرة الثالثة',
  'قرر البنك المركزي في ختام اجتماع لجنة السياسة النقدية مساء الخميس الإبقاء على سعر الفائدة الرئيسي عند مستواه الحالي، في خطوة توقعها معظم المحللين بعد تراجع معدل التضخم إلى أدنى مستوى له منذ عامين.',
  'وأوضح محافظ البنك في بيان أن اللجنة ستواصل مراقبة تطورات الأسعار المحلية والعالمية، مشيرا إلى أن أي قرار مقبل سيعتمد على البيانات الشهرية للتضخم والنمو وسوق العمل.',
  'من جهته، قال أستاذ الاقتصاد في الجامعة الوطنية إن القرار يمنح الأسواق قدرا من الاستقرار، لكنه حذر من أن استمرار ارتفاع أسعار الغذاء قد يدفع البنك إلى تشديد سياسته في الربع الأول من العام المقبل.',
].join('\n\n');

const PERSIAN = 'وزارت بهداشت ایران اعلام کرد که کمپین واکسیناسیون سرخک از هفته آینده در همه استان‌های کشور آغاز می‌شود و این برنامه به مدت دو هفته ادامه خواهد داشت. ';
const URDU = 'کراچی میں شدید بارش کے بعد کئی علاقوں میں پانی جمع ہو گیا ہے اور شہریوں کو آمد و رفت میں مشکلات کا سامنا ہے۔ محکمہ موسمیات نے مزید بارش کی پیش گوئی کی ہے۔ ';

/** windows-1252's 0x80–0x9F; "\uFFFD" where it has no character. */
const CP1252_HIGH = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

/** UTF-8 text read as windows-1252: bytes it has no character for kept as C1 controls (browsers), or lost as U+FFFD. */
export function asCp1252(text: string, lose: boolean): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) {
    if (b < 0x80 || b >= 0xa0) out += String.fromCharCode(b);
    else {
      const ch = CP1252_HIGH[b - 0x80]!;
      out += ch === '\uFFFD' && !lose ? String.fromCharCode(b) : ch;
    }
  }
  return out;
}

/**
 * UTF-8 text read as windows-874 (Thai), as Node's decoder reads it (bytes it has no character for kept as C1
 * controls), or, with `lose`, with those bytes turned into "?" as many converters do.
 */
export function asCp874(text: string, lose = false): string {
  const read = new TextDecoder('windows-874').decode(Buffer.from(text, 'utf8'));
  return lose ? read.replace(/[\u0080-\u009F]/g, '?') : read;
}

/** UTF-8 text read as windows-1256 (Arabic Windows) and saved again: "ال" → "ط§ظ„". windows-1256 writes every byte. */
export function asCp1256(text: string): string {
  return new TextDecoder('windows-1256').decode(Buffer.from(text, 'utf8'));
}

const html = (body: string, head = '<meta charset="utf-8"><title>صفحة</title>'): string => `<!DOCTYPE html><html lang="ar"><head>${head}</head><body>${body}</body></html>`;
const paras = (t: string): string => t.split('\n\n').slice(1).map((p) => `<p>${p}</p>`).join('');
const title = (t: string): string => t.split('\n\n')[0]!;

/** Writes the folder; returns its manifest. `huge` adds a 60 MB page. */
export function writeHostileFolder(dir: string, options: { huge?: boolean } = {}): Manifest {
  mkdirSync(dir, { recursive: true });
  const files: HostileFile[] = [];
  const put = (file: string, data: string | Uint8Array, m: Omit<HostileFile, 'file'>): void => {
    writeFileSync(join(dir, file), data);
    files.push({ file, ...m });
  };
  put('good-1.txt', GOOD_TEXT, { good: true, title: title(GOOD_TEXT) });
  put('good-2.html', html(`<article><h1>${title(GOOD_2)}</h1>${paras(GOOD_2)}</article>`), { good: true, title: title(GOOD_2) });
  put(
    'good-3.html',
    html(
      `<header><nav><a href="/">الرئيسية</a> | <a href="/local">محليات</a> | <a href="/world">عربي ودولي</a> | <a href="/sport">رياضة</a></nav></header>` +
        `<main><div class="post"><h1 class="post-title">${title(GOOD_3)}</h1><div class="meta"><span>نشر في 12 تشرين الثاني</span></div>` +
        `<div class="post-body">${paras(GOOD_3)}</div></div>` +
        `<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">ارتفاع أسعار المحروقات الشهر المقبل</a></li><li><a href="/b">افتتاح جسر جديد في العاصمة</a></li></ul></aside></main>` +
        `<footer>جميع الحقوق محفوظة</footer>`,
      '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>الأرصاد تحذر من منخفض جوي</title>',
    ),
    { good: true, title: title(GOOD_3) },
  );
  // text as a scraper leaves it: menu lines, a date line, the story, a footer
  put(
    'good-4.txt',
    ['الرئيسية', 'اقتصاد', 'أسواق', 'الخميس 14 نوفمبر 2024', GOOD_4, 'كتب: محمد السيد', 'اقرأ أيضا', 'تراجع أسعار الذهب في التعاملات الصباحية'].join('\n\n'),
    { good: true, title: title(GOOD_4) },
  );
  put('empty.txt', '', { good: false, rule: 'input/empty' });
  put('blank.txt', ' \n\n\t  \n', { good: false, rule: 'input/empty' });
  put('image.html', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 7)]), { good: false, rule: 'input/binary' });
  put('report.txt', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0)]), { good: false, rule: 'input/binary' });
  put('archive.html', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 1)]), { good: false, rule: 'input/binary' });
  const utf8 = Buffer.from(GOOD_TEXT, 'utf8');
  put('invalid-utf8.txt', Buffer.concat([utf8.subarray(0, 301), Buffer.from([0xff, 0xfe]), utf8.subarray(301)]), { good: true, rule: 'input/invalid-utf8' });
  put('declared-wrong.html', html(`<article><h1>${title(GOOD_2)}</h1>${paras(GOOD_2)}</article>`, '<meta charset="windows-1256"><title>x</title>'), { good: true, rule: 'input/encoding-guess', title: title(GOOD_2) });
  put('declared-utf8-is-1256.html', Buffer.from(win1256(html(`<article><h1>${title(GOOD_3)}</h1>${paras(GOOD_3)}</article>`))), { good: true, rule: 'input/encoding-guess', title: title(GOOD_3) });
  put('mojibake-1252.txt', asCp1252(GOOD_TEXT, false), { good: true, rule: 'input/mojibake-repaired', title: title(GOOD_TEXT) });
  put('mojibake-1252-twice.txt', asCp1252(asCp1252(GOOD_4, false), false), { good: true, rule: 'input/mojibake-repaired', title: title(GOOD_4) });
  put(
    'mojibake-1252-article.html',
    html(`<nav><a href="/">الرئيسية</a> <a href="/health">صحة</a></nav><article><h1>${asCp1252(title(GOOD_TEXT), false)}</h1>${paras(asCp1252(GOOD_TEXT, false))}</article><footer>جميع الحقوق محفوظة</footer>`),
    { good: true, rule: 'input/mojibake-repaired', title: title(GOOD_TEXT) },
  );
  put('mojibake-874-lost.txt', asCp874(GOOD_3, true), { good: true, rule: 'input/mojibake' });
  put('mojibake-1252-lost.txt', asCp1252(GOOD_2, true), { good: true, rule: 'input/mojibake' });
  put('mojibake-874.txt', asCp874(GOOD_2), { good: true, rule: 'input/mojibake-repaired' });
  put('persian.txt', PERSIAN.repeat(4), { good: false, rule: 'language/not-arabic' });
  put('urdu.txt', URDU.repeat(4), { good: false, rule: 'language/not-arabic' });
  put('mojibake-1256-article.html', html(`<nav><a href="/">الرئيسية</a> <a href="/economy">اقتصاد</a></nav><article><h1>${asCp1256(title(GOOD_4))}</h1>${paras(asCp1256(GOOD_4))}</article><footer>جميع الحقوق محفوظة</footer>`), { good: true, rule: 'input/mojibake-repaired', title: title(GOOD_4) });
  put('html-saved-as.txt', html(`<article><h1>${title(GOOD_2)}</h1>${paras(GOOD_2)}</article>`), { good: true, rule: 'input/html-in-text', title: title(GOOD_2) });
  // as a browser saves a page: an XML declaration and a "saved from" comment before the doctype
  put(
    'html-xhtml-saved-as.txt',
    `<?xml version="1.0" encoding="utf-8"?>\n<!-- saved from url=(0034)https://example.com/news/2024/1234 -->\n${html(`<article><h1>${title(GOOD_3)}</h1>${paras(GOOD_3)}</article>`).replace('<!DOCTYPE html>', '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')}`,
    { good: true, rule: 'input/html-in-text', title: title(GOOD_3) },
  );
  // a text page with a few stray tags is still text (no warning)
  put('stray-tags.txt', GOOD_4.replace('وأوضح محافظ البنك', 'وأوضح <b>محافظ البنك</b>').replace('من جهته،', '<br>من جهته،'), { good: true, title: title(GOOD_4) });
  put('undeclared-1256.html', Buffer.from(win1256(html(`<article><h1>${title(GOOD_2)}</h1>${paras(GOOD_2)}</article>`, '<title>معرض الكتاب</title>'))), { good: true, rule: 'input/encoding-guess', title: title(GOOD_2) });
  put('script-only.html', html(`<script>${'document.write("x");'.repeat(5000)}</script>`, `<script>${'var y = 1;'.repeat(5000)}</script><style>${'body{color:red}'.repeat(2000)}</style>`), { good: false, rule: 'language/undetermined' });
  put('nested.html', html(`${'<div>'.repeat(20_000)}<article><h1>${title(GOOD_TEXT)}</h1>${paras(GOOD_TEXT)}</article>${'</div>'.repeat(20_000)}`), { good: true, title: title(GOOD_TEXT) });
  put(
    'scripts.html',
    html(`<article><h1>${title(GOOD_2)}</h1>${paras(GOOD_2)}</article>`, `<meta charset="utf-8"><script>${'var x = "abc";'.repeat(60_000)}</script><style>${'p{margin:0}'.repeat(30_000)}</style>`),
    { good: true, title: title(GOOD_2) },
  );
  put('notes.docx', 'PK', { good: false, rule: 'input/unsupported-type' });
  if (process.getuid?.() !== 0) {
    // root reads a file whatever its mode: no unreadable file can be made then
    put('locked.txt', GOOD_TEXT, { good: false, rule: 'input/unreadable' });
    chmodSync(join(dir, 'locked.txt'), 0o000);
  }
  if (options.huge) {
    // 60 MB: a real page at the start, then a long tail, written in chunks
    const fd = openSync(join(dir, 'huge.html'), 'w');
    try {
      writeSync(fd, html(`<article><h1>${title(GOOD_TEXT)}</h1>${paras(GOOD_TEXT)}</article>`).replace('</body></html>', ''));
      const chunk = Buffer.from(`<p>${'سطر من الحشو الطويل '.repeat(200)}</p>\n`);
      for (let written = 0; written < 60 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    files.push({ file: 'huge.html', good: true, rule: 'input/too-large', title: title(GOOD_TEXT) });
  }
  return files;
}
