import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReprintIndex } from './index.js';
import type { ReprintMatch } from './index.js';

const WIRE = [
  'أعلنت وزارة المياه والري الأردنية يوم الأحد توقيع اتفاقية جديدة مع البنك الدولي لتمويل مشروع تحلية مياه البحر في العقبة بقيمة ثلاثمئة مليون دولار.',
  'وقال وزير المياه في مؤتمر صحفي عقده في عمّان إن المشروع سيوفر نحو ثلاثمئة مليون متر مكعب من مياه الشرب سنويا عند اكتمال مراحله كافة.',
  'وأضاف الوزير أن المملكة تعد من أفقر دول العالم مائيا، وأن حصة الفرد من المياه تراجعت إلى أقل من مئة متر مكعب في السنة بسبب النمو السكاني وموجات اللجوء.',
  'ومن المتوقع أن تبدأ أعمال الإنشاء مطلع العام المقبل على أن يدخل المشروع الخدمة خلال أربع سنوات، بحسب البيان الرسمي الصادر عن الوزارة.',
];
const wire = WIRE.join('\n');

// Same text, other hamza / diacritics / quote marks / punctuation / tatweel.
const wireSpelled = wire
  .replace(/أ/g, 'ا').replace(/إ/g, 'ا')
  .replace('وقال وزير المياه', 'وقالَ وزيرُ «المياه»')
  .replace('الأردنية', 'الأردنـــية')
  .replace(/،/g, ' ,');

const BYLINE = 'عمّان - رسد: ';
const ADDED = 'وكانت الحكومة قد أقرت العام الماضي خطة وطنية لخفض الفاقد من شبكات المياه بنسبة عشرين في المئة بحلول عام ألفين وثلاثين.';
const nearAdded = BYLINE + [WIRE[0], WIRE[1], ADDED, WIRE[2], WIRE[3]].join('\n');
const nearRemoved = [WIRE[0], WIRE[1], WIRE[2]].join('\n') + '\nوأشار إلى أن المشروع يعد الأكبر من نوعه في تاريخ المملكة.';
const nearEdited = wire.replace('ثلاثمئة مليون دولار', 'نحو ثلاثمئة وعشرين مليون دولار أمريكي').replace('يوم الأحد', 'أمس');

const EXTRA = [
  'وفي تعليق على الاتفاقية، قال الخبير في شؤون المياه الدكتور سامر الخطيب لموقعنا إن التحلية باتت خيارا لا مفر منه أمام الأردن رغم كلفتها المرتفعة ومتطلباتها من الطاقة.',
  'وأوضح الخطيب أن نجاح المشروع يعتمد على تأمين مصادر طاقة متجددة بأسعار منخفضة، لافتا إلى تجارب دول الخليج في هذا المجال خلال العقدين الماضيين.',
  'يذكر أن الأردن يعاني منذ سنوات من انقطاعات متكررة في ضخ المياه إلى المنازل خلال أشهر الصيف، خاصة في المحافظات الشمالية.',
];
const longer = [EXTRA[0], WIRE[0], WIRE[1], WIRE[2], WIRE[3], EXTRA[1], EXTRA[2]].join('\n');

// Two different reports on Syria, sharing many words but no passage.
const SYRIA_A = [
  'قال المرصد السوري لحقوق الإنسان يوم الثلاثاء إن اثني عشر مدنيا قتلوا في قصف مدفعي استهدف بلدات في ريف إدلب الجنوبي.',
  'وأضاف المرصد أن القصف طال منازل ومدرسة في بلدة كفرنبل، ما أدى أيضا إلى إصابة أكثر من عشرين شخصا بينهم أطفال.',
  'وتشهد محافظة إدلب تصعيدا عسكريا منذ أسابيع رغم اتفاق وقف إطلاق النار الذي توصلت إليه روسيا وتركيا في آذار من العام الماضي.',
  'وحذرت الأمم المتحدة مرارا من كارثة إنسانية في المنطقة التي يقطنها نحو ثلاثة ملايين شخص نصفهم من النازحين.',
].join('\n');
const SYRIA_B = [
  'قتل مدنيون وأصيب آخرون يوم الثلاثاء في قصف على ريف إدلب، في حين أعلنت الأمم المتحدة أنها ستستأنف إدخال المساعدات عبر معبر باب الهوى.',
  'وذكر المرصد السوري لحقوق الإنسان أن قوات النظام قصفت بلدات في جبل الزاوية، بينما قالت فرق الدفاع المدني إنها انتشلت جثث ثلاثة أطفال.',
  'وأوضح متحدث باسم الأمم المتحدة أن قوافل المساعدات الإنسانية ستدخل إدلب خلال الأسبوع المقبل بعد توقف دام شهرا بسبب الخلافات في مجلس الأمن.',
  'ويعيش في محافظة إدلب نحو ثلاثة ملايين شخص، يعتمد أغلبهم على المساعدات الدولية، وفق تقديرات المنظمات الإنسانية العاملة في المنطقة.',
].join('\n');

const TEASER = WIRE[0]!.split(' ').slice(0, 16).join(' ') + '…';
const TINY = 'عاجل: زلزال يضرب جنوب تركيا';

const short = (ms: ReprintMatch[]): string[] => ms.map((m) => `${m.id}:${m.kind}`);

const cases: { name: string; earlier: [string, string][]; text: string; expect: string[] }[] = [
  { name: 'exact copy', earlier: [['wire', wire]], text: wire, expect: ['wire:exact'] },
  { name: 'hamza, diacritics, quote marks, tatweel, punctuation', earlier: [['wire', wire]], text: wireSpelled, expect: ['wire:exact'] },
  { name: 'near: byline and a sentence added', earlier: [['wire', wire]], text: nearAdded, expect: ['wire:near'] },
  { name: 'near: last paragraph replaced', earlier: [['wire', wire]], text: nearRemoved, expect: ['wire:near'] },
  { name: 'near: a sentence edited', earlier: [['wire', wire]], text: nearEdited, expect: ['wire:near'] },
  { name: 'containment: wire inside a 7-paragraph article', earlier: [['wire', wire]], text: longer, expect: ['wire:containment'] },
  { name: 'containment: the longer one came first', earlier: [['long', longer]], text: wire, expect: ['long:containment'] },
  { name: 'same topic, not a reprint', earlier: [['a', SYRIA_A]], text: SYRIA_B, expect: [] },
  { name: 'different stories', earlier: [['syria', SYRIA_A]], text: wire, expect: [] },
  { name: 'short teaser inside the article', earlier: [['wire', wire]], text: TEASER, expect: ['wire:containment'] },
  { name: 'article after its teaser', earlier: [['teaser', TEASER]], text: wire, expect: ['teaser:containment'] },
  { name: 'tiny texts: exact only', earlier: [['t', TINY]], text: 'عاجل - زلزالٌ يضرب جنوب تركيا!', expect: ['t:exact'] },
  { name: 'tiny text inside an article is not containment', earlier: [['wire', wire]], text: 'وزارة المياه والري الأردنية', expect: [] },
  { name: 'empty text matches nothing', earlier: [['e', '']], text: '  ', expect: [] },
  {
    name: 'best first: exact before near',
    earlier: [['near', nearAdded], ['wire', wire]],
    text: wire,
    expect: ['wire:exact', 'near:near'],
  },
];

for (const c of cases) {
  test(`reprints: ${c.name}`, () => {
    const idx = new ReprintIndex();
    for (const [id, t] of c.earlier) idx.add(id, t);
    assert.deepEqual(short(idx.add('new', c.text)), c.expect);
    assert.equal(idx.size, c.earlier.length + 1);
  });
}

test('reprints: similarity values', () => {
  const idx = new ReprintIndex();
  idx.add('wire', wire);
  const [near] = idx.add('near', nearAdded);
  assert.ok(near && near.similarity >= 0.5 && near.similarity < 1, String(near?.similarity));
  const [cont] = idx.add('long', longer);
  assert.ok(cont && cont.kind === 'containment' && cont.similarity >= 0.9);
});

test('reprints: a threshold of 0.95 turns a near copy down', () => {
  const idx = new ReprintIndex({ threshold: 0.95 });
  idx.add('wire', wire);
  assert.deepEqual(short(idx.add('near', nearEdited)), []);
});
