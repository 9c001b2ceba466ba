/**
 * Export documents for the web tests (not used at run time): a small hand-made one with two stories (timeline,
 * speakers), a hostile one whose every string tries to become markup or script, and the real pipeline's output on
 * examples/ with stand-in stories (grouped by the examples/stories file names) while the export has none.
 */
import { join } from 'node:path';
import type { ExportArticle, ExportDocument, ExportEntity, ExportStory } from '../export/types.js';
import { buildExport } from '../export/index.js';
import { analyzePage } from '../pipeline.js';
import { isSkipped, readInputs } from '../input/index.js';
import type { AnalyzedPage } from '../types.js';
import type { Speaker } from './client/types.js';

/** A story as older exports have it: `speakers` may be missing, and the page must cope. */
type StoryWithSpeakers = Omit<ExportStory, 'speakers'> & { speakers?: Speaker[] };

interface ArtSpec {
  id: string; title: string; text: string; published?: string | null; outlet?: string | null; storyId?: string | null;
  duplicateOf?: string | null; role?: ExportArticle['role']; captions?: string[]; credits?: string[];
  mentions?: [string, string][]; quotes?: { speakerId: string | null; speaker: string; text: string; kind?: 'direct' | 'indirect'; date?: string | null; via?: string[] }[];
}

/** An article with mention and quote offsets found in its text (the first occurrence after the previous one). */
export function makeArticle(a: ArtSpec): ExportArticle {
  const find = (needle: string, from: number): number => {
    const i = a.text.indexOf(needle, from);
    if (i === -1) throw new Error(`"${needle}" not in ${a.id}`);
    return i;
  };
  let at = 0;
  const mentions = (a.mentions ?? []).map(([entityId, text]) => {
    const start = find(text, at);
    at = start + text.length;
    return { entityId, text, start, end: start + text.length };
  });
  at = 0;
  const quotes = (a.quotes ?? []).map((q) => {
    const start = find(q.text, at);
    at = start + q.text.length;
    return { speakerId: q.speakerId, speaker: q.speaker, text: q.text, kind: q.kind ?? 'direct', start, end: start + q.text.length, via: q.via ?? [], date: q.date ?? null };
  });
  return {
    id: a.id, pageId: a.id.replace(/-\d+$/, ''), role: a.role ?? 'main', title: a.title, text: a.text, captions: a.captions ?? [],
    published: a.published ?? null, outlet: a.outlet ?? null, credits: a.credits ?? [], duplicateOf: a.duplicateOf ?? null,
    storyId: a.storyId ?? null, mentions, quotes, dates: [],
  };
}

function doc(articles: ExportArticle[], entities: ExportEntity[], stories: StoryWithSpeakers[]): ExportDocument {
  const pages = [...new Set(articles.map((a) => a.pageId))].map((id) => ({ id, source: `hand/${id}.txt`, language: 'ar', articleIds: articles.filter((a) => a.pageId === id).map((a) => a.id), warnings: [] }));
  return { format: 'rasd-export', version: 1, generatedAt: '2025-03-20T10:00:00.000Z', pages, articles, entities, stories: stories as ExportStory[] };
}

const PESKOV = 'e-peskov';
const SHARAA = 'e-sharaa';
const KREMLIN = 'e-kremlin';
const TARTUS = 'e-tartus';
const CBE = 'e-cbe';

/** Two stories with timelines; the first carries `speakers`, the second leaves them to be computed. */
export function handDoc(): ExportDocument {
  const entities: ExportEntity[] = [
    { id: PESKOV, type: 'person', name: 'دميتري بيسكوف', variants: ['بيسكوف'], roles: ['الناطق باسم الكرملين'] },
    { id: SHARAA, type: 'person', name: 'أحمد الشرع', variants: ['الشرع'], roles: ['الرئيس السوري'] },
    { id: KREMLIN, type: 'organization', name: 'الكرملين', variants: [], roles: [] },
    { id: TARTUS, type: 'location', name: 'طرطوس', variants: [], roles: [] },
    { id: CBE, type: 'organization', name: 'البنك المركزي المصري', variants: ['البنك المركزي'], roles: [] },
  ];
  const a1 = makeArticle({
    id: 'pa-1', storyId: 's-bases', published: '2025-03-10', outlet: 'وكالة الأنباء', credits: ['وكالات'], captions: ['ميناء طرطوس (أرشيف)'],
    title: 'الكرملين: سنناقش مستقبل قاعدة طرطوس مع دمشق',
    text: 'قال دميتري بيسكوف الناطق باسم الكرملين يوم الاثنين إن «موسكو ستناقش مستقبل القاعدة مع السلطات الجديدة».\n\nوأضاف بيسكوف أن المحادثات في طرطوس ستبدأ قريبًا.\n\nمن جهته قال أحمد الشرع إن «سوريا لن تقبل بوجود دائم».',
    mentions: [[PESKOV, 'دميتري بيسكوف'], [KREMLIN, 'الكرملين'], [PESKOV, 'بيسكوف'], [TARTUS, 'طرطوس'], [SHARAA, 'أحمد الشرع']],
    quotes: [
      { speakerId: PESKOV, speaker: 'دميتري بيسكوف', text: 'موسكو ستناقش مستقبل القاعدة مع السلطات الجديدة', date: '2025-03-10' },
      { speakerId: PESKOV, speaker: 'بيسكوف', text: 'المحادثات في طرطوس ستبدأ قريبًا', kind: 'indirect' },
      { speakerId: SHARAA, speaker: 'أحمد الشرع', text: 'سوريا لن تقبل بوجود دائم', date: '2025-03-09' },
    ],
  });
  const a2 = makeArticle({ id: 'pb-1', storyId: 's-bases', published: '2025-03-12', outlet: 'صحيفة الخليج', duplicateOf: 'pa-1', title: 'موسكو تبحث مستقبل قاعدة طرطوس', text: a1.text, mentions: [[PESKOV, 'دميتري بيسكوف']], quotes: [{ speakerId: PESKOV, speaker: 'دميتري بيسكوف', text: 'موسكو ستناقش مستقبل القاعدة مع السلطات الجديدة' }] });
  const a3 = makeArticle({
    id: 'pc-1', storyId: 's-bases', published: '2025-03-18', outlet: 'بوابة الشام', title: 'انتهاء الجولة الأولى من المحادثات حول القواعد',
    text: 'انتهت في دمشق الجولة الأولى من المحادثات الروسية السورية دون اتفاق.\n\nوقال مصدر في موسكو إن الجولة المقبلة ستعقد في أبريل.',
    quotes: [{ speakerId: null, speaker: 'مصدر في موسكو', text: 'الجولة المقبلة ستعقد في أبريل', kind: 'indirect', via: ['بلومبرغ'] }],
  });
  const b1 = makeArticle({
    id: 'pd-1', storyId: 's-remit', published: '2025-02-02', outlet: 'الوادي اليوم', title: 'تحويلات المصريين بالخارج تقفز إلى مستوى قياسي',
    text: 'أعلن البنك المركزي المصري أن التحويلات ارتفعت خلال عام 2024 إلى 29.6 مليار دولار.\n\nوقال البنك المركزي إن «القطاع المصرفي استعاد ثقة المتعاملين».',
    mentions: [[CBE, 'البنك المركزي المصري'], [CBE, 'البنك المركزي']],
    quotes: [{ speakerId: CBE, speaker: 'البنك المركزي', text: 'القطاع المصرفي استعاد ثقة المتعاملين' }],
  });
  const b2 = makeArticle({ id: 'pe-1', storyId: 's-remit', published: '2025-02-04', outlet: 'صوت القاهرة', role: 'related', title: 'خبراء: التحويلات تدعم الجنيه', text: 'رأى خبراء أن ارتفاع التحويلات يدعم استقرار الجنيه في 2025.' });
  const bases: StoryWithSpeakers = {
    id: 's-bases', title: 'مستقبل القواعد الروسية في سوريا', keywords: ['طرطوس', 'حميميم', 'الكرملين'], articleIds: ['pa-1', 'pb-1', 'pc-1'],
    start: '2025-03-10', end: '2025-03-18', outlets: ['وكالة الأنباء', 'صحيفة الخليج', 'بوابة الشام'], reports: 2, reprints: 1,
    summary: ['أعلن الكرملين أنه سيناقش مستقبل قاعدة طرطوس مع السلطات السورية الجديدة.', 'انتهت الجولة الأولى من المحادثات دون اتفاق.'],
    timeline: [
      { date: '2025-03-09', text: 'الشرع: سوريا لن تقبل بوجود دائم', articleId: 'pa-1' },
      { date: '2025-03-10', text: 'بيسكوف يعلن بدء النقاش حول القاعدة', articleId: 'pa-1' },
      { date: '2025-03-10', text: 'وسائل إعلام تعيد نشر تصريحات الكرملين', articleId: 'pb-1' },
      { date: '2025-03-18', text: 'انتهاء الجولة الأولى دون اتفاق', articleId: 'pc-1' },
      { date: '2025-04', text: 'موعد الجولة المقبلة', articleId: 'pc-1' },
    ],
    speakers: [
      { entityId: SHARAA, name: 'أحمد الشرع', quotes: [{ articleId: 'pa-1', text: 'سوريا لن تقبل بوجود دائم', kind: 'direct', date: '2025-03-09', via: [] }] },
      {
        entityId: PESKOV, name: 'دميتري بيسكوف', quotes: [
          { articleId: 'pa-1', text: 'موسكو ستناقش مستقبل القاعدة مع السلطات الجديدة', kind: 'direct', date: '2025-03-10', via: [] },
          { articleId: 'pa-1', text: 'المحادثات في طرطوس ستبدأ قريبًا', kind: 'indirect', date: '2025-03-10', via: [] },
        ],
      },
      { entityId: null, name: 'مصدر في موسكو', quotes: [{ articleId: 'pc-1', text: 'الجولة المقبلة ستعقد في أبريل', kind: 'indirect', date: '2025-03-18', via: ['بلومبرغ'] }] },
    ],
  };
  const remit: StoryWithSpeakers = {
    id: 's-remit', title: 'تحويلات المصريين في الخارج', keywords: ['تحويلات', 'الجنيه'], articleIds: ['pd-1', 'pe-1'], start: '2025-02-02', end: '2025-02-04',
    outlets: ['الوادي اليوم', 'صوت القاهرة'], reports: 2, reprints: 0, summary: ['ارتفعت التحويلات إلى 29.6 مليار دولار في 2024.'],
    timeline: [{ date: '2024', text: 'التحويلات تبلغ 29.6 مليار دولار', articleId: 'pd-1' }, { date: '2025-02-02', text: 'البنك المركزي يعلن الأرقام', articleId: 'pd-1' }],
  };
  return doc([a1, a2, a3, b1, b2], entities, [bases, remit]);
}

/** Strings that would run script or make markup if the page ever parsed data as HTML. */
export const HOSTILE = {
  title: '<script>alert("title")</script>عنوان',
  img: '<img src=x onerror=alert("img")>',
  js: 'javascript:alert("js")',
  name: '<svg onload=alert("name")>بيسكوف',
  text: 'نص </script><script>alert("text")</script> و<img src=x onerror=alert(1)> ثم \u2028 و\u2029 <!-- تعليق',
  outlet: '"><img src=x onerror=alert("outlet")>',
  id: 'x"><img src=x onerror=alert(\'id\')>',
};

export function hostileDoc(): ExportDocument {
  const e: ExportEntity = { id: HOSTILE.id, type: 'person', name: HOSTILE.name, variants: [HOSTILE.img], roles: [HOSTILE.js] };
  const text = `${HOSTILE.text}\n\nقال ${HOSTILE.name} إن «${HOSTILE.img}».`;
  const a = makeArticle({
    id: 'javascript:alert("art")', storyId: 'javascript:alert("story")', title: HOSTILE.title, text, published: '2025-01-01', outlet: HOSTILE.outlet,
    credits: [HOSTILE.js], captions: [HOSTILE.img], mentions: [[HOSTILE.id, HOSTILE.name]],
    quotes: [{ speakerId: HOSTILE.id, speaker: HOSTILE.name, text: HOSTILE.img, via: [HOSTILE.js] }],
  });
  const b = makeArticle({ id: HOSTILE.js, title: HOSTILE.js, text: HOSTILE.img, duplicateOf: 'javascript:alert("art")', outlet: HOSTILE.img });
  const story: StoryWithSpeakers = {
    id: 'javascript:alert("story")', title: HOSTILE.title, keywords: [HOSTILE.img, HOSTILE.js], articleIds: [a.id, b.id], start: '2025-01-01', end: '2025-01-01',
    outlets: [HOSTILE.outlet], reports: 1, reprints: 1, summary: [HOSTILE.text],
    timeline: [{ date: '2025-01-01', text: HOSTILE.img, articleId: a.id }, { date: '<b>2025</b>', text: HOSTILE.title, articleId: HOSTILE.js }],
  };
  const d = doc([a, b], [e], [story]);
  d.generatedAt = '<img src=x onerror=alert("gen")>';
  return d;
}

/** The pipeline on folders of pages, as `rasd analyze --json` writes it. */
export async function analyzeFolders(folders: string[]): Promise<ExportDocument> {
  const pages: AnalyzedPage[] = [];
  for await (const item of readInputs(folders)) if (!isSkipped(item)) pages.push(analyzePage(item));
  return buildExport(pages, '2025-03-20T10:00:00.000Z');
}

const OUTLET_SUFFIX = /-(wire|khulasa|bawabat-sham|khaleej-yawm|nahar-masri|maghreb-raqmi|mirat-khaleej|sawt-qahira)\.txt$/;

/** Stand-in stories over examples/stories (one per topic in the file names) when the export has none yet. */
export function addExampleStories(d: ExportDocument, root: string): ExportDocument {
  if (d.stories.length > 0) return d;
  const prefix = join(root, 'examples', 'stories') + '/';
  const topics = new Map<string, string[]>();
  for (const p of d.pages) {
    if (!p.source.startsWith(prefix)) continue;
    const key = p.source.slice(prefix.length).replace(/^\d+-/, '').replace(OUTLET_SUFFIX, '');
    topics.set(key, [...(topics.get(key) ?? []), ...p.articleIds]);
  }
  const byId = new Map(d.articles.map((a) => [a.id, a] as const));
  for (const [topic, ids] of topics) {
    const arts = ids.map((id) => byId.get(id)).filter((a): a is ExportArticle => a !== undefined && a.role === 'main');
    if (arts.length < 2) continue;
    const dates = arts.map((a) => a.published).filter((x): x is string => x !== null).sort();
    const sid = 's-' + topic;
    for (const a of arts) a.storyId = sid;
    const timeline = arts
      .flatMap((a) => a.dates.filter((dt) => /^\d{4}-\d{2}(-\d{2})?$/.test(dt.value)).slice(0, 2).map((dt) => ({ date: dt.value, text: sentenceAround(a.text, dt.start), articleId: a.id })))
      .filter((ev, i, all) => all.findIndex((x) => x.text === ev.text) === i)
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
      .slice(0, 10);
    const story: StoryWithSpeakers = {
      id: sid, title: arts[0]?.title ?? topic, keywords: topic.split('-'), articleIds: arts.map((a) => a.id), start: dates[0] ?? null, end: dates[dates.length - 1] ?? null,
      outlets: [...new Set(arts.flatMap((a) => [...(a.outlet !== null ? [a.outlet] : []), ...a.credits]))].slice(0, 8),
      reports: arts.filter((a) => a.duplicateOf === null).length, reprints: arts.filter((a) => a.duplicateOf !== null).length,
      summary: arts.filter((a) => a.duplicateOf === null).slice(0, 3).map((a) => sentenceAround(a.text, 0)),
      timeline,
    };
    d.stories.push(story as ExportStory);
  }
  return d;
}

function sentenceAround(text: string, at: number): string {
  const from = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
  let to = text.slice(at).search(/[.\n]/);
  to = to === -1 ? text.length : at + to + 1;
  const s = text.slice(from, to).trim();
  return s.length > 220 ? s.slice(0, 217) + '…' : s;
}
