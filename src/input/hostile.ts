/**
 * A folder of hostile and broken inputs, for tests (not used at run time): binary files under page names, empty
 * and blank files, invalid UTF-8, a declared charset the bytes contradict, mojibake (UTF-8 read as windows-1252 or
 * windows-874 and saved again, with and without lost bytes), Persian and Urdu pages, HTML saved as .txt, deeply
 * nested HTML, a page that is mostly script and style, a file too large to read whole (on request), an unsupported
 * extension and an unreadable file — and good Arabic pages among them. The manifest says what each must give.
 */
import { chmodSync, closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface HostileFile {
  file: string;
  /** A good page: at least one article must come out of it. */
  good: boolean;
  /** The warning rule it must raise. */
  rule?: string;
  /** The main headline it must give (a repaired page). */
  title?: string;
}

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

/** UTF-8 text read as windows-874 (Thai), as Node's decoder reads it. */
export function asCp874(text: string): string {
  return new TextDecoder('windows-874').decode(Buffer.from(text, 'utf8'));
}

const html = (body: string, head = '<meta charset="utf-8"><title>صفحة</title>'): string => `<!DOCTYPE html><html lang="ar"><head>${head}</head><body>${body}</body></html>`;
const paras = (t: string): string => t.split('\n\n').slice(1).map((p) => `<p>${p}</p>`).join('');
const title = (t: string): string => t.split('\n\n')[0]!;

/** Writes the folder; returns its manifest. `huge` adds a 60 MB page. */
export function writeHostileFolder(dir: string, options: { huge?: boolean } = {}): HostileFile[] {
  mkdirSync(dir, { recursive: true });
  const files: HostileFile[] = [];
  const put = (file: string, data: string | Uint8Array, m: Omit<HostileFile, 'file'>): void => {
    writeFileSync(join(dir, file), data);
    files.push({ file, ...m });
  };
  put('good-1.txt', GOOD_TEXT, { good: true, title: title(GOOD_TEXT) });
  put('good-2.html', html(`<article><h1>${title(GOOD_2)}</h1>${paras(GOOD_2)}</article>`), { good: true, title: title(GOOD_2) });
  put('empty.txt', '', { good: false, rule: 'input/empty' });
  put('blank.txt', ' \n\n\t  \n', { good: false, rule: 'input/empty' });
  put('image.html', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 7)]), { good: false, rule: 'input/binary' });
  put('report.txt', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0)]), { good: false, rule: 'input/binary' });
  put('archive.html', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 1)]), { good: false, rule: 'input/binary' });
  const utf8 = Buffer.from(GOOD_TEXT, 'utf8');
  put('invalid-utf8.txt', Buffer.concat([utf8.subarray(0, 301), Buffer.from([0xff, 0xfe]), utf8.subarray(301)]), { good: true, rule: 'input/invalid-utf8' });
  put('declared-wrong.html', html(`<article><h1>${title(GOOD_2)}</h1>${paras(GOOD_2)}</article>`, '<meta charset="windows-1256"><title>x</title>'), { good: true, rule: 'input/encoding-guess', title: title(GOOD_2) });
  put('mojibake-1252.txt', asCp1252(GOOD_TEXT, false), { good: true, rule: 'input/mojibake-repaired', title: title(GOOD_TEXT) });
  put('mojibake-1252-lost.txt', asCp1252(GOOD_2, true), { good: true, rule: 'input/mojibake' });
  put('mojibake-874.txt', asCp874(GOOD_2), { good: true, rule: 'input/mojibake-repaired' });
  put('persian.txt', PERSIAN.repeat(4), { good: false, rule: 'language/not-arabic' });
  put('urdu.txt', URDU.repeat(4), { good: false, rule: 'language/not-arabic' });
  put('html-saved-as.txt', html(`<article><h1>${title(GOOD_2)}</h1>${paras(GOOD_2)}</article>`), { good: true, title: title(GOOD_2) });
  put('nested.html', html(`${'<div>'.repeat(20_000)}<article><h1>${title(GOOD_TEXT)}</h1>${paras(GOOD_TEXT)}</article>${'</div>'.repeat(20_000)}`), { good: true, title: title(GOOD_TEXT) });
  put(
    'scripts.html',
    html(`<article><h1>${title(GOOD_2)}</h1>${paras(GOOD_2)}</article>`, `<meta charset="utf-8"><script>${'var x = "abc";'.repeat(60_000)}</script><style>${'p{margin:0}'.repeat(30_000)}</style>`),
    { good: true, title: title(GOOD_2) },
  );
  put('notes.docx', 'PK', { good: false, rule: 'input/unsupported-type' });
  put('locked.txt', GOOD_TEXT, { good: false, rule: 'input/unreadable' });
  chmodSync(join(dir, 'locked.txt'), 0o000);
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
