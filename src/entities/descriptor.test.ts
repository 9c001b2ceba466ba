import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMentions, nationalityOf, resolveDescriptor } from './index.js';
import type { EntityMention } from '../types.js';

const article =
  'قال الرئيس الروسي فلاديمير بوتين إنه سيتحدث مع الرئيس الأميركي المنتخب دونالد ترمب. ' +
  'وقالت الناطقة باسم الخارجية الروسية، ماريا زاخاروفا، إن موسكو مستعدة. وأضاف بوتين أن الحوار ممكن. ' +
  'وقال المتحدث باسم الكرملين، ديمتري بيسكوف، إن الموعد لم يحدد.';

test('a descriptor resolves to the one person of the article whose roles carry it', async (t) => {
  const mentions = findMentions(article);
  const rows: Array<[string, string | null]> = [
    ['الرئيس الروسي', 'فلاديمير بوتين'],
    ['الرئيس الأميركي', 'دونالد ترمب'],
    ['الرئيس الأمريكي', 'دونالد ترمب'], // spelling of the adjective
    ['الرئيس الأميركي المنتخب', 'دونالد ترمب'],
    ['الناطقة باسم الخارجية', 'ماريا زاخاروفا'],
    ['الناطق باسم الكرملين', 'ديمتري بيسكوف'], // ناطق = متحدث
    ['المتحدثة الروسية', 'ماريا زاخاروفا'], // nationality from the organization's adjective
    ['الرئيس', null], // two presidents
    ['الرئيس الصيني', null], // none
    ['وزير الخارجية', null],
  ];
  for (const [descriptor, expected] of rows) {
    await t.test(descriptor, () => {
      const i = resolveDescriptor(descriptor, mentions);
      assert.equal(i === null ? null : (mentions[i] as EntityMention).text, expected);
    });
  }
});

test('several mentions of the same person are one match', () => {
  const mentions: EntityMention[] = [
    { text: 'فلاديمير بوتين', start: 0, end: 14, type: 'person', roles: ['الرئيس الروسي'] },
    { text: 'بوتين', start: 20, end: 25, type: 'person', roles: ['الرئيس الروسي'] },
    { text: 'الكرملين', start: 30, end: 38, type: 'organization', roles: [] },
  ];
  assert.equal(resolveDescriptor('الرئيس الروسي', mentions), 0);
});

test('nationality of a role', () => {
  assert.equal(nationalityOf('الناطق الرئاسي الروسي'), 'روسيا');
  assert.equal(nationalityOf('مندوب روسيا الدائم لدى الأمم المتحدة'), null);
  assert.equal(nationalityOf('الرئيس الأمريكي المنتخب'), 'الولايات المتحدة');
  assert.equal(nationalityOf('محافظ البنك المركزي الإيراني'), 'إيران');
  assert.equal(nationalityOf('والمستشار الألماني'), 'ألمانيا');
  assert.equal(nationalityOf('المبعوث الخاص'), null);
});
