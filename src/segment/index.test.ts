import test from 'node:test';
import assert from 'node:assert/strict';
import { segment } from './index.js';
import { linkDuplicates } from '../dedupe/index.js';
import type { Article, BlockPage } from '../types.js';

function run(text: string): { articles: Article[]; rules: string[] } {
  const blocks = text
    .split('\n')
    .map((t) => ({ text: t.trim() }))
    .filter((b) => b.text);
  const page: BlockPage = { source: 't', language: 'ar', blocks, meta: {}, warnings: [] };
  const r = segment(page);
  return { articles: linkDuplicates(r.articles), rules: r.warnings.map((w) => w.rule) };
}

const P1 = 'أعلنت وزارة الصحة، اليوم الأحد، عن إطلاق حملة وطنية للتطعيم ضد الحصبة تستهدف أكثر من مليوني طفل في مختلف المحافظات خلال الأسابيع المقبلة.';
const P2 = 'وقال وزير الصحة خالد عبد الغفار في مؤتمر صحفي إن «الحملة تأتي في إطار خطة الوزارة للقضاء على الأمراض المعدية»، مشيراً إلى توفير اللقاحات مجاناً.';
const P3 = 'وأضاف أن فرق التطعيم ستنتشر في المدارس والمراكز الصحية والأسواق، داعياً أولياء الأمور إلى التعاون مع الفرق الطبية وعدم التردد في تطعيم أبنائهم.';
const P4 = 'وكانت منظمة الصحة العالمية قد حذرت في تقرير سابق من ارتفاع حالات الإصابة بالحصبة في المنطقة بسبب تراجع معدلات التطعيم خلال السنوات الأخيرة.';
const R1 = 'شهدت أسواق الذهب المحلية تراجعاً ملحوظاً في تعاملات اليوم، متأثرة بانخفاض الأسعار العالمية وارتفاع الدولار أمام العملات الرئيسية.';
const R2 = 'وقال تجار إن الطلب على المشغولات الذهبية تراجع بشكل كبير خلال الأسبوع الماضي، في ظل ترقب المستهلكين لمزيد من الانخفاض في الأسعار.';
const R3 = 'وتوقع محللون أن تواصل الأسعار تذبذبها خلال الفترة المقبلة، مع استمرار حالة عدم اليقين في الأسواق العالمية وقرارات البنوك المركزية.';

interface Row {
  name: string;
  page: string;
  main: { title: string; first: string; last: string; published?: string | null; credits?: string[]; captions?: string[] } | null;
  related?: string[];
  teasers?: string[];
  rules?: string[];
}

const rows: Row[] = [
  {
    name: 'byline, labelled date, tag line and comment form',
    page: `حملة وطنية للتطعيم ضد الحصبة تستهدف مليوني طفل\nكتب: محمد عبد الله\nنشر في: الأحد 02 فبراير 2025 - 10:45 ص\n${P1}\n${P2}\n${P3}\nالوسوم: الصحة، التطعيم، الحصبة\nاترك تعليقاً\nمن فضلك ادخل اسمك هنا\nمن فضلك ادخل تعليقك`,
    main: { title: 'حملة وطنية للتطعيم ضد الحصبة تستهدف مليوني طفل', first: 'أعلنت وزارة الصحة', last: 'تطعيم أبنائهم.', published: '2025-02-02', credits: ['محمد عبد الله'] },
    teasers: [],
  },
  {
    name: 'headline printed twice around its picture, caption pair, marker',
    page: `حملة وطنية للتطعيم ضد الحصبة\n\nأطفال ينتظرون دورهم في مركز صحي\nأطفال ينتظرون دورهم في مركز صحي\nTT\n\nحملة وطنية للتطعيم ضد الحصبة\n\nأطفال ينتظرون دورهم في مركز صحي\nأطفال ينتظرون دورهم في مركز صحي\n\n${P1}\n\n${P2}\n\n${P3}`,
    main: { title: 'حملة وطنية للتطعيم ضد الحصبة', first: 'أعلنت', last: 'أبنائهم.', captions: ['أطفال ينتظرون دورهم في مركز صحي'] },
  },
  {
    name: 'breadcrumb glued to the headline; caption with a photo credit inside the body',
    page: `الرئيسيةصحةحملة وطنية للتطعيم ضد الحصبة\nحملة وطنية للتطعيم ضد الحصبة\n${P1}\n${P2}\nطفل يتلقى اللقاح في أحد المراكز الصحية بالقاهرة (رويترز)\n${P3}\n${P4}`,
    main: { title: 'حملة وطنية للتطعيم ضد الحصبة', first: 'أعلنت', last: 'السنوات الأخيرة.', captions: ['طفل يتلقى اللقاح في أحد المراكز الصحية بالقاهرة (رويترز)'] },
  },
  {
    name: 'related-posts cards with truncated leads, and a most-read list printed twice per item',
    page: `حملة وطنية للتطعيم ضد الحصبة\n${P1}\n${P2}\n${P3}\nأخبار ذات صلة\nتراجع أسعار الذهب في الأسواق المحلية\nشهدت أسواق الذهب المحلية تراجعاً ملحوظاً في تعاملات اليوم، متأثرة…\nارتفاع درجات الحرارة مع بداية الأسبوع\nتوقعت هيئة الأرصاد الجوية ارتفاعاً في درجات الحرارة على معظم…\nالأكثر قراءة\nمنتخب مصر يفوز على نظيره التونسي وديا\nمنتخب مصر يفوز على نظيره التونسي وديا\nافتتاح معرض الكتاب بمشاركة خمسين دولة\nافتتاح معرض الكتاب بمشاركة خمسين دولة`,
    main: { title: 'حملة وطنية للتطعيم ضد الحصبة', first: 'أعلنت', last: 'أبنائهم.' },
    teasers: ['تراجع أسعار الذهب في الأسواق المحلية', 'ارتفاع درجات الحرارة مع بداية الأسبوع', 'منتخب مصر يفوز على نظيره التونسي وديا', 'افتتاح معرض الكتاب بمشاركة خمسين دولة'],
  },
  {
    name: '"اقرأ أيضاً:" before a complete second article, with an agency credit opening its first paragraph',
    page: `حملة وطنية للتطعيم ضد الحصبة\n${P1}\n${P2}\n${P3}\nاقرأ أيضاً:\nالذهب يتراجع مع ارتفاع الدولار\n(رويترز) - ${R1}\n${R2}\n${R3}`,
    main: { title: 'حملة وطنية للتطعيم ضد الحصبة', first: 'أعلنت', last: 'أبنائهم.' },
    related: ['الذهب يتراجع مع ارتفاع الدولار'],
  },
  {
    name: 'an inline "اقرأ أيضا: <headline>" link inside the body does not cut the article',
    page: `حملة وطنية للتطعيم ضد الحصبة\n${P1}\n${P2}\nاقرأ أيضا: الصحة العالمية تحذر من موجة جديدة للحصبة\n${P3}\n${P4}`,
    main: { title: 'حملة وطنية للتطعيم ضد الحصبة', first: 'أعلنت', last: 'السنوات الأخيرة.' },
    teasers: ['الصحة العالمية تحذر من موجة جديدة للحصبة'],
  },
  {
    name: 'an intertitle between paragraphs stays in the article',
    page: `حملة وطنية للتطعيم ضد الحصبة\n${P1}\n${P2}\nتحذيرات دولية\n${P3}\n${P4}`,
    main: { title: 'حملة وطنية للتطعيم ضد الحصبة', first: 'أعلنت', last: 'السنوات الأخيرة.' },
  },
  {
    name: 'a site date bar that is the only date on the page is the publication date',
    page: `الأربعاء 12 جوان 2024\nحملة وطنية للتطعيم ضد الحصبة\n${P1}\n${P2}\n${P3}`,
    main: { title: 'حملة وطنية للتطعيم ضد الحصبة', first: 'أعلنت', last: 'أبنائهم.', published: '2024-06-12' },
  },
  {
    name: 'a date bar on a page whose teasers carry their own dates is not the article date',
    page: `الأربعاء 12 جوان 2024\nحملة وطنية للتطعيم ضد الحصبة\n${P1}\n${P2}\n${P3}\nآخر الأخبار\nتراجع أسعار الذهب في الأسواق المحلية\n10 جوان 2024\nارتفاع درجات الحرارة مع بداية الأسبوع\n11 جوان 2024`,
    main: { title: 'حملة وطنية للتطعيم ضد الحصبة', first: 'أعلنت', last: 'أبنائهم.', published: null },
    teasers: ['تراجع أسعار الذهب في الأسواق المحلية', 'ارتفاع درجات الحرارة مع بداية الأسبوع'],
  },
  {
    name: 'a credit and a date joined by a bar are a byline and the date, not the headline',
    page: `حملة وطنية للتطعيم ضد الحصبة\nالنهار المصرية – القاهرة | الأربعاء 12 مارس 2025\n${P1}\n${P2}\n${P3}`,
    main: { title: 'حملة وطنية للتطعيم ضد الحصبة', first: 'أعلنت', last: 'أبنائهم.', published: '2025-03-12', credits: ['النهار المصرية – القاهرة'] },
  },
  {
    name: 'a short question is a headline, not a paragraph',
    page: `من المدارس إلى الأسواق.. هل تنجح حملة التطعيم ضد الحصبة؟\n${P1}\n${P2}\n${P3}`,
    main: { title: 'من المدارس إلى الأسواق.. هل تنجح حملة التطعيم ضد الحصبة؟', first: 'أعلنت', last: 'أبنائهم.' },
  },
  {
    name: 'a listing page has no main article',
    page: `أخبار الصحة\nحملة وطنية للتطعيم ضد الحصبة\n١٤ تشرين الثاني ٢٠٢٤\n${P1}\nتراجع أسعار الذهب في الأسواق المحلية\n١٣ تشرين الثاني ٢٠٢٤\n${R1}\nالصحة العالمية تحذر من موجة جديدة للحصبة\n١٢ تشرين الثاني ٢٠٢٤\n${P4}`,
    main: null,
    teasers: ['حملة وطنية للتطعيم ضد الحصبة', 'تراجع أسعار الذهب في الأسواق المحلية', 'الصحة العالمية تحذر من موجة جديدة للحصبة'],
    rules: ['segment/listing'],
  },
  {
    name: 'an error page yields no article',
    page: `الرئيسية\nسياسة\nاقتصاد\nرياضة\nالصفحة غير موجودة\nعذراً، الصفحة التي تبحث عنها غير موجودة أو تم نقلها.\nالعودة إلى الصفحة الرئيسية\nجميع الحقوق محفوظة © 2025`,
    main: null,
    rules: ['segment/no-article'],
  },
];

for (const row of rows) {
  test(`segment: ${row.name}`, () => {
    const { articles, rules } = run(row.page);
    const main = articles.find((a) => a.role === 'main');
    if (row.main === null) assert.equal(main, undefined, `unexpected main «${main?.title}»`);
    else {
      assert.ok(main, 'no main article');
      const text = main.paragraphs.join('\n\n');
      assert.equal(main.title, row.main.title);
      assert.ok(text.startsWith(row.main.first), `starts «${text.slice(0, 50)}»`);
      assert.ok(text.endsWith(row.main.last), `ends «${text.slice(-50)}»`);
      if (row.main.published !== undefined) assert.equal(main.published, row.main.published);
      if (row.main.credits) assert.deepEqual(main.credits, row.main.credits);
      if (row.main.captions) assert.deepEqual(main.captions, row.main.captions);
    }
    if (row.related) assert.deepEqual(articles.filter((a) => a.role === 'related').map((a) => a.title), row.related);
    if (row.teasers) assert.deepEqual(articles.filter((a) => a.role === 'teaser').map((a) => a.title), row.teasers);
    for (const r of row.rules ?? []) assert.ok(rules.includes(r), `missing warning ${r}: ${rules.join(', ')}`);
  });
}

test('segment: a related article with the agency credit opening its paragraph keeps the credit apart', () => {
  const { articles } = run(`حملة وطنية للتطعيم ضد الحصبة\n${P1}\n${P2}\n${P3}\nاقرأ أيضاً:\nالذهب يتراجع مع ارتفاع الدولار\n(رويترز) - ${R1}\n${R2}\n${R3}`);
  const rel = articles.find((a) => a.role === 'related');
  assert.deepEqual(rel?.credits, ['رويترز']);
  assert.ok(rel?.paragraphs[0]?.startsWith('شهدت'));
  assert.equal(rel?.published, null);
});

test('dedupe: a teaser whose full article is on the page points to it', () => {
  const { articles } = run(
    `حملة وطنية للتطعيم ضد الحصبة\n${P1}\n${P2}\n${P3}\nمقالات ذات صلة\nالذهب يتراجع مع ارتفاع الدولار\nشهدت أسواق الذهب المحلية تراجعاً ملحوظاً في تعاملات اليوم، متأثرة…\nالذهب يتراجع مع ارتفاع الدولار\n${R1}\n${R2}\n${R3}`,
  );
  const teaser = articles.findIndex((a) => a.role === 'teaser');
  const related = articles.findIndex((a) => a.role === 'related');
  assert.ok(teaser >= 0 && related >= 0, JSON.stringify(articles.map((a) => [a.role, a.title])));
  assert.equal(articles[teaser]!.duplicateOf, related);
  assert.equal(articles[related]!.duplicateOf, null);
});
