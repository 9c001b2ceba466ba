import test from 'node:test';
import assert from 'node:assert/strict';
import { StoryClusterer } from './index.js';
import type { StoryInput } from './index.js';
import { loadLabelled, bcubed } from './labelled.js';

function run(inputs: StoryInput[], options?: { threshold?: number; windowDays?: number }): Map<string, string> {
  const c = new StoryClusterer(options);
  const got = new Map<string, string>();
  for (const a of inputs) got.set(a.id, c.assign(a));
  return got;
}

function scoreSet(): { p: number; r: number; f1: number; wrong: string } {
  const { inputs, gold } = loadLabelled();
  const got = run(inputs);
  const s = bcubed(got, gold);
  const clusters = new Map<string, string[]>();
  for (const [f, c] of got) clusters.set(c, [...(clusters.get(c) ?? []), `${f.slice(0, 2)}:${gold.get(f) ?? '?'}`]);
  const wrong = [...clusters.values()].filter((m) => new Set(m.map((x) => x.slice(3))).size > 1 || m.length < 6).map((m) => m.join(' '));
  console.log(`stories: B-cubed P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)}\n  ${wrong.join('\n  ')}`);
  return { ...s, wrong: wrong.join('\n') };
}

// The labelled set (examples/stories: 60 articles, 10 stories, near-topic traps), read through the whole pipeline
// and assigned in file-name order. Measured P 1.000 R 0.917 F1 0.957 (the Egyptian pound and Moroccan floods stories
// each leave one article on its own); floors pinned just under: raise them, never lower them.
test('stories on the labelled set: B-cubed precision, recall, F1 (CI gate)', () => {
  const s = scoreSet();
  assert.ok(s.p >= 0.99, `precision ${s.p}\n${s.wrong}`);
  assert.ok(s.r >= 0.91, `recall ${s.r}\n${s.wrong}`);
  assert.ok(s.f1 >= 0.95, `F1 ${s.f1}\n${s.wrong}`);
});

const art = (id: string, title: string, text: string, published: string | null, entities: string[]): StoryInput => ({ id, title, text, published, entities });

const BASES = art(
  'a1',
  'وفد عسكري روسي في دمشق لبحث مستقبل قاعدتي حميميم وطرطوس',
  'وصل وفد عسكري روسي إلى دمشق لبحث مستقبل القاعدة الجوية في حميميم والقاعدة البحرية في ميناء طرطوس، وقالت وزارة الدفاع الروسية إن المحادثات تتناول الاتفاقيات الموقعة سابقا.',
  '2025-03-10',
  ['دمشق', 'حميميم', 'طرطوس', 'روسيا'],
);
const BASES2 = art(
  'a2',
  'موسكو تبحث مع دمشق مصير قاعدة حميميم الجوية وميناء طرطوس',
  'بحث مسؤولون عسكريون روس في العاصمة السورية مصير قاعدة حميميم الجوية والقاعدة البحرية في طرطوس، في ظل مراجعة الاتفاقيات الموقعة بين البلدين.',
  '2025-03-11',
  ['موسكو', 'دمشق', 'حميميم', 'طرطوس'],
);
const ALEPPO = art(
  'a3',
  'اشتباكات عنيفة في حي الشيخ مقصود بحلب',
  'اندلعت اشتباكات عنيفة بين قوات الأمن ومسلحين في حي الشيخ مقصود بمدينة حلب السورية، وأفاد سكان بسقوط قذائف على الأحياء المجاورة ونزوح عشرات العائلات.',
  '2025-03-11',
  ['حلب', 'الشيخ مقصود', 'سوريا'],
);
const TALKS = art(
  'a4',
  'محادثات أمنية غير مباشرة بين سوريا وإسرائيل في عمّان',
  'انطلقت في عمّان جولة محادثات أمنية غير مباشرة بين سوريا وإسرائيل بوساطة أمريكية، تتناول ترتيبات المنطقة العازلة في الجنوب السوري وخطوط فض الاشتباك.',
  '2025-03-11',
  ['عمّان', 'سوريا', 'إسرائيل', 'تل أبيب'],
);

test('same event in different wording → same story', () => {
  const got = run([BASES, BASES2]);
  assert.equal(got.get('a1'), got.get('a2'));
});

test('same place, different events → different stories', () => {
  const got = run([BASES, ALEPPO, TALKS]);
  assert.equal(new Set(got.values()).size, 3);
});

test('the same event two years apart → different stories; four months apart → the same developing story', () => {
  assert.equal(run([BASES, { ...BASES2, published: '2025-07-11' }]).get('a2'), run([BASES]).get('a1'));
  const got = run([BASES, { ...BASES2, published: '2027-03-11' }]);
  assert.notEqual(got.get('a1'), got.get('a2'));
  // and with no date the time factor is neutral
  assert.equal(run([BASES, { ...BASES2, published: null }]).get('a2'), run([BASES]).get('a1'));
});

test('story ids are stable: s + hash of the first article id; stories() lists members in order', () => {
  const c = new StoryClusterer();
  const id = c.assign(BASES);
  assert.match(id, /^s[0-9a-z]+$/);
  assert.equal(new StoryClusterer().assign(BASES), id);
  c.assign(BASES2);
  assert.deepEqual(c.stories(), [{ id, articleIds: ['a1', 'a2'] }]);
});

