import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeForMatch, toOriginalSpan, foldKey, cleanDisplay } from './normalize.js';

// [what, input, expected normalizeForMatch(input).text]
const folding: Array<[string, string, string]> = [
  ['fatha, damma, kasra', 'كَتَبَ الوَلَدُ', 'كتب الولد'],
  ['tanween', 'كتابًا جديدٌ', 'كتابا جديد'],
  ['shadda and sukun', 'محمّد قْد', 'محمد قد'],
  ['hamza above/below as marks (U+0654/U+0655)', 'ا\u0654', 'ا'],
  ['superscript alef U+0670', 'هٰذا', 'هذا'],
  ['Quranic marks U+06D6–U+06ED', 'الرَّحِيمِ ۝ ذَٰلِكَ ۖ', 'الرحيم  ذلك '],
  ['tatweel', 'الـعـربـيـة لـ', 'العربيه ل'],
  ['alef with hamza above', 'أحمد', 'احمد'],
  ['alef with hamza below', 'إيران', 'ايران'],
  ['alef with madda', 'آلاف', 'الاف'],
  ['alef wasla', 'ٱلله', 'الله'],
  ['waw with hamza', 'مؤتمر', 'موتمر'],
  ['yeh with hamza', 'رئيس', 'رييس'],
  ['standalone hamza kept', 'سماء', 'سماء'],
  ['alef maqsura', 'مستشفى على', 'مستشفي علي'],
  ['taa marbuta', 'مدينة القاهرة', 'مدينه القاهره'],
  ['Farsi yeh', 'ایران', 'ايران'],
  ['keheh', 'کتاب', 'كتاب'],
  ['heh goal and heh doachashmee', 'ہ ھ', 'ه ه'],
  ['heh with yeh above', 'خانۀ', 'خانه'],
  ['Arabic-Indic digits', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
  ['Persian digits', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
  ['Arabic decimal separator', '٣٫٥', '3.5'],
  ['Arabic comma', 'أولا، ثانيا', 'اولا, ثانيا'],
  ['Arabic semicolon', 'قال؛ ثم', 'قال; ثم'],
  ['Arabic question mark', 'لماذا؟', 'لماذا?'],
  ['guillemets', '«الشراكة»', '"الشراكه"'],
  ['curly double quotes', '“نعم” „لا‟', '"نعم" "لا"'],
  ['double prime and single guillemets', '″كلا″ ‹هنا›', '"كلا" "هنا"'],
  ['no-break space', 'بوتين\u00a0قال', 'بوتين قال'],
  ['en/em/thin spaces U+2000–U+200A', 'a\u2002b\u2003c\u2009d', 'a b c d'],
  ['narrow no-break, math and ideographic spaces', 'a\u202fb\u205fc\u3000d', 'a b c d'],
  ['zero-width space, ZWNJ, ZWJ', 'بو\u200bتين\u200c\u200d', 'بوتين'],
  ['LRM, RLM', '\u200eبوتين\u200f', 'بوتين'],
  ['bidi embeddings U+202A–U+202E', '\u202bبوتين\u202c\u202a\u202d\u202e', 'بوتين'],
  ['bidi isolates U+2066–U+2069', '\u2067بوتين\u2069\u2066\u2068', 'بوتين'],
  ['BOM and Arabic letter mark', '\ufeffبوتين\u061c', 'بوتين'],
  ['Latin lowercased', 'Reuters AFP iPhone', 'reuters afp iphone'],
  ['accented Latin lowercased', 'ÉCOLE', 'école'],
  ['lam-alef ligature expands', 'ﻻ ﻷ', 'لا لا'],
  ['presentation forms', 'ﺑﻮﺗﻴﻦ', 'بوتين'],
  ['tabs and line breaks kept', 'سطر\tأول\nسطر', 'سطر\tاول\nسطر'],
  ['empty string', '', ''],
];

test('normalizeForMatch folds', async (t) => {
  for (const [what, input, expected] of folding) {
    await t.test(what, () => assert.equal(normalizeForMatch(input).text, expected));
  }
});

test('normalizeForMatch offsets: one per unit, plus the end', () => {
  for (const [, input] of folding) {
    const m = normalizeForMatch(input);
    assert.equal(m.offsets.length, m.text.length + 1, input);
    assert.equal(m.offsets[m.text.length], input.length, input);
    for (let i = 1; i < m.text.length; i++) assert.ok((m.offsets[i] as number) >= (m.offsets[i - 1] as number), input);
  }
});

// [original, normalized needle, expected original spelling of the match]
const spans: Array<[string, string, string]> = [
  ['قال الرئيسُ الروسيُّ فلاديمير بوتين', 'الروسي فلاديمير', 'الروسيُّ فلاديمير'],
  ['وصل الرئيـــس إلى موسكو', 'الرييس', 'الرئيـــس'],
  ['وصل الرئيـــس إلى موسكو', 'الرييس الي', 'الرئيـــس إلى'],
  ['أكدّ المتحدثُ أنّ الاجتماعَ انتهى', 'اكد المتحدث', 'أكدّ المتحدثُ'],
  ['حضر مُؤتمرَ القمّة العربيّة', 'موتمر القمه', 'مُؤتمرَ القمّة'],
  ['في ‏«الشراكة»‏ الجديدة', '"الشراكه"', '«الشراكة»'],
  ['عن ﻻعب فرنسي', 'لاعب', 'ﻻعب'],
  ['بلغ ٣٫٥ مليار دولار', '3.5 مليار', '٣٫٥ مليار'],
  ['كتابٌ', 'كتاب', 'كتابٌ'],
  ['Vladimir PUTIN said', 'putin', 'PUTIN'],
];

test('toOriginalSpan maps a normalized match back to its original spelling', async (t) => {
  for (const [original, needle, expected] of spans) {
    await t.test(`${needle} in ${original}`, () => {
      const m = normalizeForMatch(original);
      const i = m.text.indexOf(needle);
      assert.ok(i >= 0, `"${needle}" not found in "${m.text}"`);
      assert.equal(original.slice(...toOriginalSpan(m, i, i + needle.length)), expected);
    });
  }
});

test('toOriginalSpan: empty and whole spans', () => {
  const original = 'قالَ بوتين';
  const m = normalizeForMatch(original);
  assert.deepEqual(toOriginalSpan(m, 2, 2), [m.offsets[2], m.offsets[2]]);
  assert.deepEqual(toOriginalSpan(m, 0, m.text.length), [0, original.length]);
});

// Two spellings of the same line → the same key.
const sameKey: Array<[string, string]> = [
  ['بوتين: «لن نتراجع» عن العملية العسكرية', 'بوتين : "لن نتراجع" عن العمليّة العسكريّة'],
  ['الرئيس الأمريكي يلتقي نظيره الصيني', 'الرئيس الامريكى  يلتقى  نظيره الصينى'],
  ['إيران تعلن إطلاق صواريخ جديدة', 'ايران تعلن اطلاق صواريخ جديده'],
  ['السيسي يستقبل وزير الخارجية ‏الإماراتي', '\u00a0السيسى يستقبل وزير الخارجيـة الاماراتى '],
  ['ارتفاع أسعار النفط ٣٫٥٪ خلال أسبوع', 'ارتفاع اسعار النفط 3.5% خلال اسبوع'],
  ['غزة: مقتل ١٢ شخصا في قصف إسرائيلي', 'غزة - مقتل 12 شخصاً في قصف إسرائيلي'],
  ['“الشراكة الأوروبية” تبدأ اليوم', '«الشراكة الاوروبية» تبدأ اليوم'],
  ['Reuters: Oil prices RISE', 'reuters oil prices rise'],
];

test('foldKey gives two spellings of a headline the same key', async (t) => {
  for (const [a, b] of sameKey) {
    await t.test(a, () => assert.equal(foldKey(a), foldKey(b)));
  }
});

const keys: Array<[string, string]> = [
  ['  بوتين:   «لن نتراجع»!  ', 'بوتين لن نتراجع'],
  ['(أ.ف.ب)', 'ا ف ب'],
  ['سطر\nآخر\tهنا', 'سطر اخر هنا'],
  ['...', ''],
  ['', ''],
];

test('foldKey drops punctuation and collapses whitespace', async (t) => {
  for (const [input, expected] of keys) {
    await t.test(JSON.stringify(input), () => assert.equal(foldKey(input), expected));
  }
});

const display: Array<[string, string]> = [
  ['  بوتين  قال  ', 'بوتين قال'],
  ['بوتين\u00a0\u00a0قال', 'بوتين قال'],
  ['\u200fبوتين\u200e قال\u202c', 'بوتين قال'],
  ['الرئيسُ الـعـربـي', 'الرئيسُ الـعـربـي'],
  ['أحمد «إلى» مستشفى', 'أحمد «إلى» مستشفى'],
  ['سطر أول  \n  سطر ثان', 'سطر أول\nسطر ثان'],
  ['a\u2009\u2009b\tc', 'a b c'],
  ['\ufeffعنوان', 'عنوان'],
  ['', ''],
];

test('cleanDisplay never changes letters', async (t) => {
  for (const [input, expected] of display) {
    await t.test(JSON.stringify(input), () => assert.equal(cleanDisplay(input), expected));
  }
});
