import test from 'node:test';
import assert from 'node:assert/strict';
import { StoryDigest, type DigestArticle } from './digest.js';

const article = (over: Partial<DigestArticle> & { id: string }): DigestArticle => ({
  role: 'main',
  title: '',
  text: '',
  published: null,
  outlet: null,
  credits: [],
  dates: [],
  quotes: [],
  entities: [],
  copy: false,
  ...over,
});

const A = 'قالت وزارة الدفاع الروسية إن وفدا عسكريا وصل إلى دمشق لبحث مستقبل قاعدة حميميم الجوية وميناء طرطوس.';
const A2 = 'وصل وفد عسكري روسي إلى دمشق لبحث مستقبل قاعدة حميميم الجوية وميناء طرطوس بحسب وزارة الدفاع الروسية.';
const B = 'وكانت روسيا قد أنشأت القاعدة الجوية في حميميم عام 2015 لدعم الحكومة السورية في الحرب.';

test('summary: sentences from the leads, no two saying the same, in article order', () => {
  const d = new StoryDigest();
  d.add(article({ id: 'a1', title: 'وفد روسي في دمشق لبحث مستقبل حميميم', text: `${A} ${B}`, published: '2025-03-10' }));
  d.add(article({ id: 'a2', title: 'موسكو تبحث مصير حميميم وطرطوس', text: A2, published: '2025-03-11' }));
  const r = d.result();
  assert.ok(r.summary.includes(A) !== r.summary.includes(A2), `one of the two sentences that say the same: ${r.summary.join(' | ')}`);
  assert.ok(r.summary.includes(B));
  assert.equal(r.start, '2025-03-10');
  assert.equal(r.end, '2025-03-11');
});

test('timeline: dated sentences and publications, oldest first, a year before its days; copies add nothing', () => {
  const d = new StoryDigest();
  const at = B.indexOf('2015');
  d.add(article({ id: 'a1', title: 'وفد روسي في دمشق', text: `${A} ${B}`, published: '2025-03-10', dates: [{ value: '2015', start: A.length + 1 + at - 4, end: A.length + 1 + at + 4 }] }));
  d.add(article({ id: 'a2', title: 'وفد روسي في دمشق', text: `${A} ${B}`, published: '2025-03-12', copy: true }));
  const r = d.result();
  assert.deepEqual(
    r.timeline.map((e) => [e.date, e.articleId]),
    [
      ['2015', 'a1'],
      ['2025-03-10', 'a1'],
    ],
  );
  assert.equal(r.timeline[0]?.text, B);
});

test('speakers: grouped by entity (provisional ids resolved at the end), unnamed sources by their words, oldest first', () => {
  const d = new StoryDigest();
  const q = (speakerId: string | null, speaker: string, text: string, date: string | null) => ({ speakerId, speaker, text, kind: 'indirect' as const, via: [], date });
  d.add(article({ id: 'a1', text: A, published: '2025-03-11', quotes: [q('p1', 'بيسكوف', 'المحادثات مستمرة', null), q(null, 'مصدر في موسكو', 'روسيا تكافح', null)] }));
  d.add(article({ id: 'a2', text: A2, published: '2025-03-10', quotes: [q('p2', 'دميتري بيسكوف', 'لا قرار بعد', '2025-03-09'), q('p2', 'دميتري بيسكوف', 'المحادثات مستمرة', null)] }));
  const r = d.result((id) => ({ id: 'e-peskov', name: id === 'p1' || id === 'p2' ? 'دميتري بيسكوف' : null }));
  assert.deepEqual(
    r.speakers.map((s) => [s.entityId, s.name, s.quotes.map((x) => x.text)]),
    [
      ['e-peskov', 'دميتري بيسكوف', ['لا قرار بعد', 'المحادثات مستمرة']],
      [null, 'مصدر في موسكو', ['روسيا تكافح']],
    ],
  );
});

test('title and keywords: the headline most central to the story, words as written', () => {
  const d = new StoryDigest();
  d.add(article({ id: 'a1', title: 'وفد روسي في دمشق لبحث مستقبل قاعدة حميميم', text: A, entities: ['حميميم', 'دمشق'] }));
  d.add(article({ id: 'a2', title: 'أسعار', text: A2, entities: ['حميميم'] }));
  d.add(article({ id: 't1', role: 'teaser', title: 'عنوان آخر' }));
  const r = d.result(undefined, ['e:حميميم', 'قاعد', 'xyz']);
  assert.equal(r.title, 'وفد روسي في دمشق لبحث مستقبل قاعدة حميميم');
  assert.deepEqual(r.keywords, ['حميميم', 'قاعدة']);
});
