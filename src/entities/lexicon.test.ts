import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalOf, fold, GAZ, NISBA } from './lexicon.js';

test('countries come from the installed packages, with the hand-written short forms', () => {
  const rows: Array<[string, string]> = [
    ['سوريا', 'سوريا'],
    ['سورية', 'سوريا'],
    ['الجمهورية العربية السورية', 'سوريا'],
    ['أمريكا', 'الولايات المتحدة'],
    ['الولايات المتحدة الأميركية', 'الولايات المتحدة'],
    ['روسيا الاتحادية', 'روسيا'],
    ['جمهورية إيران الإسلامية', 'إيران'],
    ['نيوزيلندا', 'نيوزيلندا'], // package only
    ['الأوروغواي', 'الأوروغواي'], // package only
    ['بيلاروس', 'بيلاروسيا'],
  ];
  for (const [form, canonical] of rows) assert.equal(canonicalOf(form)?.canonical, canonical, form);
  // package names that are common words are left out
  assert.equal(canonicalOf('مالي'), undefined);
  assert.equal(canonicalOf('بنين'), undefined);
});

test('the gazetteer is keyed by folded token n-grams', () => {
  assert.equal(GAZ.map.get('الامم المتحده')?.type, 'organization');
  assert.equal(GAZ.map.get('تل ابيب')?.type, 'location');
  assert.ok((GAZ.first.get('الولايات') ?? 0) >= 3);
});

test('nationality adjectives are derived from the place names, every inflection, with and without the article', () => {
  const rows: Array<[string, string]> = [
    ['الروسي', 'روسيا'],
    ['الروسية', 'روسيا'],
    ['روسيتين', 'روسيا'],
    ['الإيراني', 'إيران'],
    ['الفرنسيون', 'فرنسا'],
    ['الألمانية', 'ألمانيا'],
    ['الجزائري', 'الجزائر'],
    ['العراقيين', 'العراق'],
    ['الأميركي', 'الولايات المتحدة'],
    ['الأمريكية', 'الولايات المتحدة'],
    ['البريطاني', 'المملكة المتحدة'],
    ['الإماراتية', 'الإمارات العربية المتحدة'],
    ['السعوديون', 'السعودية'],
    ['الأوروبي', 'أوروبا'],
  ];
  for (const [adj, place] of rows) assert.equal(NISBA.get(fold(adj)), place, adj);
  // place names are not adjectives
  assert.equal(NISBA.get(fold('روسيا')), undefined);
  assert.equal(NISBA.get(fold('سوريا')), undefined);
});
