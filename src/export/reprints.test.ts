import test from 'node:test';
import assert from 'node:assert/strict';
import { buildExport } from './build.js';
import { analyzePage } from '../pipeline.js';

const body = [
  'أعلنت المديرية العامة للحماية المدنية، اليوم الأربعاء، ارتفاع حصيلة ضحايا الفيضانات التي ضربت ولاية غرداية إلى ثمانية قتلى، بعد انتشال جثتين من مجرى الوادي.',
  'وقالت المديرية في بيان إن فرق الغطاسين تواصل البحث عن مفقود ثالث، فيما تم إجلاء أكثر من مئتي عائلة من الأحياء المحاذية للوادي إلى مدارس المدينة.',
  'وأعلن وزير الداخلية تخصيص غلاف مالي استعجالي لإعادة إسكان العائلات المتضررة وترميم الطرقات والجسور التي جرفتها السيول خلال الليلة الماضية.',
  'وحذر الديوان الوطني للأرصاد الجوية من أمطار رعدية جديدة قد تصل كمياتها إلى أربعين ملم على ولايات الجنوب خلال الساعات المقبلة.',
];
const wire = `ارتفاع حصيلة فيضانات غرداية إلى ثمانية قتلى\nتاريخ النشر: 12 يونيو 2024\n${body.join('\n')}`;
const reprint = `ثمانية قتلى في فيضانات غرداية\nتاريخ النشر: 13 يونيو 2024\nالمصدر: وكالات\n${body.slice(0, 3).join('\n')}\nوتعد غرداية من أكثر الولايات عرضة للفيضانات بسبب موقعها في وادي مزاب.`;
const page = (source: string, text: string) => analyzePage({ source, bytes: Buffer.from(text, 'utf8'), format: 'text' });

test('export: a reprint on another page points to the earliest copy, by publication date, whatever the order given', () => {
  for (const order of [['wire.txt', 'copy.txt'], ['copy.txt', 'wire.txt']]) {
    const pages = order.map((s) => page(s, s === 'wire.txt' ? wire : reprint));
    const doc = buildExport(pages, '2026-01-01T00:00:00.000Z');
    const of = (source: string) => doc.articles.find((a) => a.pageId === doc.pages.find((p) => p.source === source)!.id)!;
    assert.equal(of('copy.txt').duplicateOf, of('wire.txt').id, `order ${order.join(', ')}`);
    assert.equal(of('wire.txt').duplicateOf, null);
  }
});
