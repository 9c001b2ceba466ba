import test from 'node:test';
import assert from 'node:assert/strict';
import { buildExport, exportToJson } from './build.js';
import { ExportWriter } from './writer.js';
import { validateExport } from './validate.js';
import { analyzePage } from '../pipeline.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const page = (source: string, text: string) => analyzePage({ source, bytes: Buffer.from(text, 'utf8'), format: 'text' });

const A = `الكرملين يرفض التعليق على مستقبل القاعدتين
قال الناطق الرئاسي الروسي ديمتري بيسكوف، الاثنين، إن الحديث عن مستقبل القاعدتين العسكريتين في سوريا سابق لأوانه في الوقت الحالي.
وأضاف بيسكوف: «هذا كله سيكون مطروحاً للنقاش مع من سيكونون في السلطة في دمشق خلال المرحلة المقبلة».
وأكد الرئيس الروسي فلاديمير بوتين في وقت سابق أن بلاده حققت أهدافها في سوريا رغم كل ما يقال في الغرب عن ذلك.
وتملك روسيا قاعدة حميميم الجوية في محافظة اللاذقية وقاعدة بحرية في طرطوس على ساحل البحر المتوسط منذ سنوات طويلة.`;
const B = `بوتين يلتقي أمير قطر في موسكو
أجرى بوتين، الخميس، محادثات في موسكو مع أمير قطر الشيخ تميم بن حمد آل ثاني تناولت الوضع في سوريا والمنطقة.
وقال دميتري بيسكوف في وقت لاحق إن روسيا تسعى إلى تطوير الاتصالات مع السلطات السورية الجديدة في دمشق.
وأشار بيسكوف إلى أن الجانبين ناقشا كذلك ملفات الطاقة والاستثمار والتعاون في مجال الغاز الطبيعي بين البلدين.
ويأتي اللقاء في وقت تسعى فيه موسكو إلى الحفاظ على وجودها العسكري في سوريا بعد التغيرات الأخيرة في البلاد.`;

test('export: names merged across pages into one entity each, mentions and speakers pointing to it', () => {
  const doc = buildExport([page('a.txt', A), page('b.txt', B)], '2026-01-01T00:00:00.000Z');
  assert.deepEqual(validateExport(doc), []);
  const peskov = doc.entities.filter((e) => e.type === 'person' && [e.name, ...e.variants].some((v) => v.includes('بيسكوف')));
  assert.equal(peskov.length, 1, JSON.stringify(doc.entities));
  const putin = doc.entities.filter((e) => e.type === 'person' && [e.name, ...e.variants].some((v) => v.includes('بوتين')));
  assert.equal(putin.length, 1);
  assert.equal(putin[0]!.name, 'فلاديمير بوتين');
  const ids = new Set(doc.entities.map((e) => e.id));
  for (const a of doc.articles) {
    for (const m of a.mentions) assert.ok(ids.has(m.entityId), `mention ${m.text} → unknown ${m.entityId}`);
    for (const q of a.quotes) if (q.speakerId !== null) assert.ok(ids.has(q.speakerId));
  }
  const quotes = doc.articles.flatMap((a) => a.quotes);
  assert.ok(quotes.length >= 4, JSON.stringify(quotes));
  assert.ok(quotes.filter((q) => q.speakerId === peskov[0]!.id).length >= 3, JSON.stringify(quotes.map((q) => [q.speaker, q.speakerId])));
});

test('export: the streaming writer gives the same entities and ids as the in-memory export', async () => {
  const pages = [page('a.txt', A), page('b.txt', B)];
  const file = join(mkdtempSync(join(tmpdir(), 'rasd-')), 'out.json');
  const w = await ExportWriter.open(file, { generatedAt: '2026-01-01T00:00:00.000Z' });
  for (const p of pages) await w.add(p);
  await w.finish();
  assert.equal(readFileSync(file, 'utf8'), exportToJson(buildExport(pages, '2026-01-01T00:00:00.000Z')));
});

test('export: "المسؤول الروسي" refers back to the last Russian official quoted, not to another speaker', () => {
  const text = `موسكو تؤكد بقاء قواتها في سوريا
وقال مندوب روسيا الدائم لدى الأمم المتحدة، فاسيلي نيبينزيا، إن القوات الروسية في سوريا لا تزال في مواقعها وإن موسكو تجري حوارا مع دمشق.
من جهته، قال وزير الخارجية التركي هاكان فيدان إن بلاده تتابع التطورات في سوريا عن كثب وتدعم وحدة أراضيها.
ولم يوضح المسؤول الروسي تفاصيل عن أماكن انتشار هذه القوات، لكنه أكد أن بلاده تواصل الحوار مع السلطات السورية الجديدة.
وتسعى موسكو إلى المحافظة على وجودها العسكري في سوريا، كونه يلبي مصالح وصفها عسكريون روس بأنها استراتيجية.`;
  const doc = buildExport([page('c.txt', text)], '2026-01-01T00:00:00.000Z');
  const q = doc.articles[0]!.quotes.find((x) => x.text.includes('تواصل الحوار'));
  const nebenzia = doc.entities.find((e) => e.name.includes('نيبينزيا'));
  assert.ok(q && nebenzia, JSON.stringify(doc.articles[0]?.quotes));
  assert.equal(q.speakerId, nebenzia.id);
});
