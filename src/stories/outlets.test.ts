import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletFromCredit } from './outlets.js';

test('the outlet a credit line names: datelines, dates, bylines, sections and generic sources left out', () => {
  const cases: [string, string | null][] = [
    ['دمشق – وكالة المشرق للأنباء (وما)', 'وكالة المشرق للأنباء'],
    ['بوابة الشام – خاص | الثلاثاء 11 مارس 2025', 'بوابة الشام'],
    ['النهار المصرية – كتب: أحمد فتحي', 'النهار المصرية'],
    ['صوت القاهرة – رياضة', 'صوت القاهرة'],
    ['خلاصة – نقلا عن وكالات', 'خلاصة'],
    ['مرآة الخليج – المكلا (وكالات)', 'مرآة الخليج'],
    ['المغرب الرقمي – طاطا، مراسلة: سعاد', 'المغرب الرقمي'],
    ['إم تي آي نيوز / وكالات', 'إم تي آي نيوز'],
    ['رويترز', 'رويترز'],
    ['وكالات', null],
    ['كتب: محمود عبد الله', null],
  ];
  for (const [credit, outlet] of cases) assert.equal(outletFromCredit(credit), outlet, credit);
});
