import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EntityRegistry, findMentions, skeleton, type Entity } from './index.js';
import type { EntityMention } from '../types.js';

const person = (text: string, roles: string[] = []): EntityMention => ({ text, start: 0, end: text.length, type: 'person', roles });
const place = (text: string): EntityMention => ({ text, start: 0, end: text.length, type: 'location', roles: [] });
const org = (text: string): EntityMention => ({ text, start: 0, end: text.length, type: 'organization', roles: [] });

function build(articles: EntityMention[][]): { entities: Entity[]; keys: string[][]; resolve(k: string): string } {
  const reg = new EntityRegistry();
  const keys = articles.map((a) => reg.add(a));
  const r = reg.finish();
  return { entities: r.entities, keys, resolve: r.resolve };
}

const byName = (es: Entity[], name: string): Entity => {
  const e = es.find((x) => x.name === name);
  assert.ok(e !== undefined, `no entity named ${name}: ${es.map((x) => x.name).join(', ')}`);
  return e;
};

test('skeletons: long vowels inside words and hamza forms do not count', () => {
  const same: Array<[string, string]> = [
    ['ديمتري بيسكوف', 'دميتري بيسكوف'],
    ['ترمب', 'ترامب'],
    ['بزشكيان', 'بيزشكيان'],
    ['الأسد', 'الاسد'],
    ['أسامة', 'اسامه'],
    ['فلاديمير بوتين', 'فلادِيمير بُوتين'],
  ];
  for (const [a, b] of same) assert.equal(skeleton(a), skeleton(b), `${a} / ${b}`);
  assert.notEqual(skeleton('بوتين'), skeleton('بايدن'));
});

test('spelling variants of a person are one entity; the fullest common form is the name', () => {
  const { entities } = build([
    [person('ديمتري بيسكوف', ['الناطق الرئاسي الروسي']), person('بيسكوف'), person('بيسكوف')],
    [person('دميتري بيسكوف', ['الناطق باسم الكرملين']), person('بيسكوف')],
    [person('ديمتري بيسكوف', ['الناطق الرئاسي الروسي'])],
    [person('دونالد ترمب', ['الرئيس الأميركي المنتخب']), person('ترمب'), person('دونالد ترمب')],
    [person('دونالد ترامب', ['الرئيس الأمريكي المنتخب']), person('ترامب')],
    [person('مسعود بزشكيان'), person('بيزشكيان')],
  ]);
  const peskov = byName(entities, 'ديمتري بيسكوف');
  assert.deepEqual(peskov.variants, ['بيسكوف', 'دميتري بيسكوف']);
  assert.deepEqual(peskov.roles, ['الناطق الرئاسي الروسي', 'الناطق باسم الكرملين']);
  const trump = byName(entities, 'دونالد ترمب');
  assert.deepEqual(trump.variants, ['ترامب', 'ترمب', 'دونالد ترامب']); // by count, then code-point order
  assert.equal(trump.roles.length, 2);
  assert.deepEqual(byName(entities, 'مسعود بزشكيان').variants, ['بيزشكيان']);
  assert.equal(entities.length, 3);
});

test('roles are deduplicated after folding', () => {
  const { entities } = build([
    [person('ماريا زاخاروفا', ['الناطقة باسم الخارجية الروسية'])],
    [person('ماريا زاخاروفا', ['النَّاطِقة باسم الخارجيّة الروسيّة'])],
    [person('ماريا زاخاروفا', ['الناطقة باسم الخارجية الروسية'])],
  ]);
  assert.deepEqual(byName(entities, 'ماريا زاخاروفا').roles, ['الناطقة باسم الخارجية الروسية']);
});

test('a surname alone joins the one full name it ends', () => {
  const { entities, keys, resolve } = build([[person('بوتين')], [person('فلاديمير بوتين', ['الرئيس الروسي'])], [person('وبوتين'.slice(1))]]);
  assert.equal(entities.length, 1);
  const putin = byName(entities, 'فلاديمير بوتين');
  assert.deepEqual(putin.variants, ['بوتين']);
  assert.equal(resolve(keys[0]?.[0] as string), putin.id);
  assert.equal(resolve(keys[1]?.[0] as string), putin.id);
});

test('two full names with the same surname stay apart, and the bare surname then stays alone', () => {
  const { entities } = build([[person('جو بايدن', ['الرئيس الأميركي'])], [person('هانتر بايدن')], [person('بايدن')]]);
  assert.deepEqual(entities.map((e) => e.name).sort(), ['بايدن', 'جو بايدن', 'هانتر بايدن']);
});

test('within one article a surname goes to that article’s full name', () => {
  const { entities } = build([
    [person('جو بايدن', ['الرئيس الأميركي']), person('بايدن')],
    [person('هانتر بايدن'), person('بايدن')],
  ]);
  assert.deepEqual(entities.map((e) => [e.name, e.variants]).sort(), [
    ['جو بايدن', ['بايدن']],
    ['هانتر بايدن', ['بايدن']],
  ]);
});

test('a family name written first (Chinese names) joins its full name', () => {
  const { entities } = build([[person('شي جينبينغ', ['الرئيس الصيني'])], [person('شي')]]);
  assert.deepEqual(entities.map((e) => [e.name, e.variants]), [['شي جينبينغ', ['شي']]]);
  // but a first name alone does not
  const two = build([[person('فلاديمير بوتين')], [person('فلاديمير')]]);
  assert.equal(two.entities.length, 2);
});

test('places and organizations: every form of a gazetteer entry is one entity', () => {
  const { entities } = build([
    [place('أمريكا'), place('الولايات المتحدة'), org('قسد')],
    [place('أميركا'), org('قوات سوريا الديمقراطية'), org('الناتو'), org('حلف شمال الأطلسي')],
    [place('سورية'), place('سوريا'), place('شرق الأوسط'), place('الشرق الأوسط')],
  ]);
  assert.deepEqual(byName(entities, 'الولايات المتحدة').variants, ['أمريكا', 'أميركا']);
  assert.deepEqual(byName(entities, 'قوات سوريا الديمقراطية').variants, ['قسد']);
  assert.deepEqual(byName(entities, 'حلف شمال الأطلسي').variants, ['الناتو']);
  assert.deepEqual(byName(entities, 'سوريا').variants, ['سورية']);
  assert.deepEqual(byName(entities, 'الشرق الأوسط').variants, ['شرق الأوسط']);
  assert.equal(entities.length, 5);
});

test('ids: derived from type and canonical name, the same whatever the order of the articles', () => {
  const articles = [
    findMentions('قال الناطق الرئاسي الروسي ديمتري بيسكوف إن الرئيس فلاديمير بوتين سيتحدث مع الأسد في موسكو.'),
    findMentions('وقال بيسكوف إن الكرملين يرى موقفا دوليا مضطربا، وأكد بوتين أن روسيا لم تهزم في سوريا.'),
    findMentions('وأوضح الناطق باسم الكرملين، دميتري بيسكوف، أن لا قرارات نهائية بشأن القواعد في سورية.'),
    findMentions('قال الرئيس الأميركي المنتخب دونالد ترامب إن ترمب سيلتقي بوتين في الرياض.'),
  ];
  const forward = build(articles);
  const backward = build([...articles].reverse());
  assert.deepEqual(backward.entities, forward.entities);
  // every provisional key resolves to the same id in both runs
  const resolveAll = (r: ReturnType<typeof build>, order: number[]): string[][] =>
    order.map((a, k) => (r.keys[k] as string[]).map((key) => r.resolve(key)).concat(String(a)));
  const f = resolveAll(forward, [0, 1, 2, 3]);
  const b = resolveAll(backward, [3, 2, 1, 0]).reverse();
  assert.deepEqual(b, f);
  for (const e of forward.entities) assert.match(e.id, /^e[0-9a-f]{12}$/);
  assert.equal(new Set(forward.entities.map((e) => e.id)).size, forward.entities.length);
  // ids do not depend on what else is in the store
  const alone = build([articles[1] as EntityMention[]]);
  const kremlin = (r: { entities: Entity[] }): string | undefined => r.entities.find((e) => e.name === 'الكرملين')?.id;
  assert.equal(kremlin(alone), kremlin(forward));
});

test('resolve throws on a key it never gave', () => {
  const { resolve } = build([[person('بوتين')]]);
  assert.throws(() => resolve('person:nobody'));
});

test('people seen in earlier articles are found alone in later ones', () => {
  const reg = new EntityRegistry();
  reg.add(findMentions('قال نائب رئيس الوزراء الروسي ألكسندر نوفاك إن الإنتاج مستقر.'));
  assert.deepEqual(reg.knownPeople(), ['ألكسندر نوفاك']);
  const later = findMentions('وأكد نوفاك الحاجة إلى التنسيق.', { people: reg.knownPeople() });
  assert.deepEqual(later.map((m) => [m.type, m.text]), [['person', 'نوفاك']]);
  reg.add(later);
  assert.deepEqual(reg.finish().entities.map((e) => [e.name, e.variants]), [['ألكسندر نوفاك', ['نوفاك']]]);
});
