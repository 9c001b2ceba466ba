/**
 * Whole articles (written for these tests) with every mention and every entity a careful reader would mark, and the
 * precision and recall of findMentions + EntityRegistry on them. Mentions count when type, start and end are exact;
 * entities when the type and the name (or one of its variants) match. The second article was written and its gold
 * marked before the finder was ever run on it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EntityRegistry, findMentions } from './index.js';
import type { EntityType } from '../types.js';

const POLITICS = [
  'أعلن وزير الخارجية التركي هاكان فيدان، الثلاثاء، أن أنقرة تجري اتصالات مكثفة مع موسكو وطهران لمنع انزلاق شمال سوريا إلى مواجهة جديدة، وذلك بعد ساعات من قصف استهدف مواقع لـ«قوات سوريا الديمقراطية» (قسد) قرب منبج.',
  'وقال فيدان في مؤتمر صحافي مشترك مع نظيره الأردني أيمن الصفدي في عمّان إن بلاده «لن تسمح بقيام كيان إرهابي على حدودها»، مضيفاً أن التنسيق مع الحكومة السورية الجديدة في دمشق «يسير بشكل جيد».',
  'في المقابل، قال المتحدث باسم «قسد»، فرهاد شامي، لوكالة «فرانس برس» إن القصف أسفر عن مقتل ثلاثة مدنيين، ودعا الولايات المتحدة إلى «تحمل مسؤولياتها».',
  'من جهتها، أكدت الناطقة باسم وزارة الخارجية الروسية ماريا زاخاروفا أن موسكو تدعم «حلاً سياسياً يحفظ وحدة الأراضي السورية»، مشيرة إلى أن الرئيس فلاديمير بوتين بحث الملف هاتفياً مع الرئيس التركي رجب طيب أردوغان.',
  'وفي نيويورك، دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى ضبط النفس، فيما قال دبلوماسي غربي لـ«رويترز» إن مجلس الأمن قد يعقد جلسة طارئة الأسبوع المقبل. وأضاف غوتيريش أن «المدنيين يدفعون الثمن».',
  'وكان أردوغان قد هدد الشهر الماضي بعملية عسكرية جديدة، بينما نقلت وكالة الأناضول عن مصادر أمنية أن الجيش التركي عزز مواقعه في ريف حلب الشمالي.',
].join('\n\n');

/** Every mention, in text order: [type letter, text as it stands after its clitics]. */
const POLITICS_MENTIONS: Array<[string, string]> = [
  ['p', 'هاكان فيدان'], ['l', 'أنقرة'], ['l', 'موسكو'], ['l', 'طهران'], ['l', 'شمال سوريا'], ['o', 'قوات سوريا الديمقراطية'],
  ['o', 'قسد'], ['l', 'منبج'],
  ['p', 'فيدان'], ['p', 'أيمن الصفدي'], ['l', 'عمّان'], ['o', 'الحكومة السورية'], ['l', 'دمشق'],
  ['o', 'قسد'], ['p', 'فرهاد شامي'], ['o', 'فرانس برس'], ['l', 'الولايات المتحدة'],
  ['o', 'وزارة الخارجية الروسية'], ['p', 'ماريا زاخاروفا'], ['l', 'موسكو'], ['p', 'فلاديمير بوتين'], ['p', 'رجب طيب أردوغان'],
  ['l', 'نيويورك'], ['o', 'أمم المتحدة'], ['p', 'أنطونيو غوتيريش'], ['o', 'رويترز'], ['o', 'مجلس الأمن'], ['p', 'غوتيريش'],
  ['p', 'أردوغان'], ['o', 'وكالة الأناضول'], ['o', 'الجيش التركي'], ['l', 'حلب'],
];

/** Every entity: type, a name (the entity's name or one of its variants), and the roles it must have. */
const POLITICS_ENTITIES: Array<[EntityType, string, string[]]> = [
  ['person', 'هاكان فيدان', ['وزير الخارجية التركي']],
  ['person', 'أيمن الصفدي', []],
  ['person', 'فرهاد شامي', ['المتحدث باسم قسد']],
  ['person', 'ماريا زاخاروفا', ['الناطقة باسم وزارة الخارجية الروسية']],
  ['person', 'فلاديمير بوتين', ['الرئيس']],
  ['person', 'رجب طيب أردوغان', ['الرئيس التركي']],
  ['person', 'أنطونيو غوتيريش', ['الأمين العام للأمم المتحدة']],
  ['organization', 'قوات سوريا الديمقراطية', []],
  ['organization', 'الحكومة السورية', []],
  ['organization', 'فرانس برس', []],
  ['organization', 'وزارة الخارجية الروسية', []],
  ['organization', 'أمم المتحدة', []],
  ['organization', 'رويترز', []],
  ['organization', 'مجلس الأمن', []],
  ['organization', 'وكالة الأناضول', []],
  ['organization', 'الجيش التركي', []],
  ['location', 'أنقرة', []],
  ['location', 'موسكو', []],
  ['location', 'طهران', []],
  ['location', 'شمال سوريا', []],
  ['location', 'منبج', []],
  ['location', 'عمّان', []],
  ['location', 'دمشق', []],
  ['location', 'الولايات المتحدة', []],
  ['location', 'نيويورك', []],
  ['location', 'حلب', []],
];

const ECONOMY = [
  'استقبل ولي العهد السعودي الأمير محمد بن سلمان في الرياض، الأحد، رئيس الوزراء العراقي محمد شياع السوداني، وبحث الجانبان سبل تعزيز التعاون في مجالي الطاقة والاستثمار، بحسب ما أفادت وكالة الأنباء السعودية (واس).',
  'وقال السوداني عقب اللقاء إن بغداد «حريصة على علاقات متوازنة مع جيرانها»، مشيراً إلى أن شركة أرامكو أبدت اهتماماً بالاستثمار في حقول الغاز جنوب البصرة.',
  'وفي سياق متصل، أعلن صندوق النقد الدولي أن مديرته العامة كريستالينا غورغييفا ستزور القاهرة الشهر المقبل لمناقشة برنامج الإصلاح مع الحكومة المصرية. وقالت غورغييفا في بيان إن الاقتصاد المصري «أظهر قدرة على الصمود».',
  'من جهة أخرى، نقلت صحيفة «فايننشال تايمز» عن مسؤولين في منظمة أوبك أن الرياض وموسكو تتجهان إلى تمديد خفض الإنتاج، فيما قال وزير الطاقة الروسي سيرغي تسيفيليف إن بلاده «ملتزمة بالتفاهمات».',
  'وكان الرئيس المصري عبد الفتاح السيسي قد التقى في شرم الشيخ المبعوث الأميركي الخاص إلى الشرق الأوسط، الذي أكد دعم واشنطن لجهود الوساطة التي تقودها القاهرة والدوحة.',
].join('\n\n');

const ECONOMY_MENTIONS: Array<[string, string]> = [
  ['p', 'محمد بن سلمان'], ['l', 'الرياض'], ['p', 'محمد شياع السوداني'], ['o', 'وكالة الأنباء السعودية'], ['o', 'واس'],
  ['p', 'السوداني'], ['l', 'بغداد'], ['o', 'أرامكو'], ['l', 'البصرة'],
  ['o', 'صندوق النقد الدولي'], ['p', 'كريستالينا غورغييفا'], ['l', 'القاهرة'], ['o', 'الحكومة المصرية'], ['p', 'غورغييفا'],
  ['o', 'فايننشال تايمز'], ['o', 'منظمة أوبك'], ['l', 'الرياض'], ['l', 'موسكو'], ['p', 'سيرغي تسيفيليف'],
  ['p', 'عبد الفتاح السيسي'], ['l', 'شرم الشيخ'], ['l', 'الشرق الأوسط'], ['l', 'واشنطن'], ['l', 'القاهرة'], ['l', 'الدوحة'],
];

const ECONOMY_ENTITIES: Array<[EntityType, string, string[]]> = [
  ['person', 'محمد بن سلمان', ['ولي العهد السعودي']],
  ['person', 'محمد شياع السوداني', ['رئيس الوزراء العراقي']],
  ['person', 'كريستالينا غورغييفا', []],
  ['person', 'سيرغي تسيفيليف', ['وزير الطاقة الروسي']],
  ['person', 'عبد الفتاح السيسي', ['الرئيس المصري']],
  ['organization', 'وكالة الأنباء السعودية', []],
  ['organization', 'أرامكو', []],
  ['organization', 'صندوق النقد الدولي', []],
  ['organization', 'الحكومة المصرية', []],
  ['organization', 'فايننشال تايمز', []],
  ['organization', 'منظمة أوبك', []],
  ['location', 'الرياض', []],
  ['location', 'بغداد', []],
  ['location', 'البصرة', []],
  ['location', 'القاهرة', []],
  ['location', 'موسكو', []],
  ['location', 'شرم الشيخ', []],
  ['location', 'الشرق الأوسط', []],
  ['location', 'واشنطن', []],
  ['location', 'الدوحة', []],
];

const FIXTURES = [
  { name: 'politics', text: POLITICS, mentions: POLITICS_MENTIONS, entities: POLITICS_ENTITIES },
  { name: 'economy (blind)', text: ECONOMY, mentions: ECONOMY_MENTIONS, entities: ECONOMY_ENTITIES },
];

const TYPES: Record<string, EntityType> = { p: 'person', o: 'organization', l: 'location' };

function score(tp: number, got: number, gold: number): { precision: number; recall: number } {
  return { precision: got === 0 ? 1 : tp / got, recall: gold === 0 ? 1 : tp / gold };
}

for (const fx of FIXTURES) {
  test(`whole article, ${fx.name}: mentions`, (t) => {
    const ARTICLE = fx.text;
    let from = 0;
    const gold = fx.mentions.map(([type, text]) => {
      const start = ARTICLE.indexOf(text, from);
      assert.ok(start >= 0, `gold mention not in the article: ${text}`);
      from = start + text.length;
      return `${TYPES[type]}@${start}-${start + text.length}`;
    });
    const got = findMentions(ARTICLE).map((m) => `${m.type}@${m.start}-${m.end}`);
    const goldSet = new Set(gold);
    const tp = got.filter((g) => goldSet.has(g)).length;
    const { precision, recall } = score(tp, got.length, gold.length);
    t.diagnostic(`mentions: precision ${precision.toFixed(3)} (${tp}/${got.length}), recall ${recall.toFixed(3)} (${tp}/${gold.length})`);
    const label = (k: string): string => {
      const [, s, e] = /@(\d+)-(\d+)/.exec(k) ?? [];
      return `${k.split('@')[0]} ${ARTICLE.slice(Number(s), Number(e))}`;
    };
    t.diagnostic(`missed: ${gold.filter((g) => !got.includes(g)).map(label).join('; ') || 'none'}`);
    t.diagnostic(`wrong: ${got.filter((g) => !goldSet.has(g)).map(label).join('; ') || 'none'}`);
    assert.ok(precision >= 0.95, `mention precision ${precision}`);
    assert.ok(recall >= 0.9, `mention recall ${recall}`);
  });

  test(`whole article, ${fx.name}: entities and roles`, (t) => {
    const reg = new EntityRegistry();
    reg.add(findMentions(fx.text));
    const { entities } = reg.finish();
    const matches = (type: EntityType, name: string) => (e: (typeof entities)[number]): boolean => e.type === type && (e.name === name || e.variants.includes(name));
    let tp = 0;
    const missed: string[] = [];
    for (const [type, name, roles] of fx.entities) {
      const e = entities.find(matches(type, name));
      if (e === undefined) {
        missed.push(`${type} ${name}`);
        continue;
      }
      tp++;
      for (const r of roles) assert.ok(e.roles.includes(r), `${name}: role ${r} in ${JSON.stringify(e.roles)}`);
    }
    const wrong = entities.filter((e) => !fx.entities.some(([type, name]) => matches(type, name)(e)));
    const { precision, recall } = score(tp, tp + wrong.length, fx.entities.length);
    t.diagnostic(`entities: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${tp}/${fx.entities.length})`);
    t.diagnostic(`missed: ${missed.join('; ') || 'none'}; wrong: ${wrong.map((e) => `${e.type} ${e.name}`).join('; ') || 'none'}`);
    assert.ok(precision >= 0.95, `entity precision ${precision}`);
    assert.ok(recall >= 0.9, `entity recall ${recall}`);
    // short forms are joined to their full names
    for (const e of entities.filter((x) => x.type === 'person')) assert.ok(e.name.includes(' '), `person ${e.name} left alone`);
  });
}
