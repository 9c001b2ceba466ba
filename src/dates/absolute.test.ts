import test from 'node:test';
import assert from 'node:assert/strict';
import { findAbsoluteDates } from './absolute.js';

const rows: [string, string, string | null][] = [
  ['Egyptian month', 'تأسست في 30 سبتمبر 2015 لتنفيذ عملية', '2015-09-30'],
  ['English month first with weekday', 'السبت, أبريل 19, 2025', '2025-04-19'],
  ['ordinal suffix, English', 'تاريخ النشر: 19th, December 2024 GMT', '2024-12-19'],
  ['Levantine with Arabic-Indic digits', '١٤ تشرين الثاني ٢٠٢٤', '2024-11-14'],
  ['Maghrebi', 'الأربعاء 12 جوان 2024', '2024-06-12'],
  ['Moroccan', 'الرباط في 3 شتنبر 2023', '2023-09-03'],
  ['paired Levantine/Egyptian', 'في 5 كانون الأول/ديسمبر 2017 أعلن', '2017-12-05'],
  ['month and year only', 'في كانون الأول/ديسمبر 2017', '2017-12'],
  ['ISO', 'نشر 2025-04-19T10:00:00Z', '2025-04-19'],
  ['day first numeric', 'بتاريخ 19/04/2025', '2025-04-19'],
  ['English long', 'Published: March 3, 2025', '2025-03-03'],
  ['hamza form of April', 'في 7 ابريل 2024', '2024-04-07'],
  ['"من" between day and month', 'في 7 من ديسمبر 2024', '2024-12-07'],
  ['Gregorian marker after the year', 'الموافق 30 أغسطس 2022م', '2022-08-30'],
  ['spaced Gregorian marker', 'صدر في 16 يونيو 2024 م', '2024-06-16'],
  ['Levantine without the article', 'في 3 كانون ثاني 2024', '2024-01-03'],
  ['impossible day', '31 فبراير 2024', null],
  ['no date', 'قال الكرملين الاثنين إنه من السابق لأوانه', null],
  ['"م" that begins the next word is not the marker', 'في 16 يونيو 2024 مع بداية الصيف', '2024-06-16'],
];

for (const [name, text, value] of rows) {
  test(`absolute date: ${name}`, () => {
    const found = findAbsoluteDates(text);
    assert.equal(found[0]?.value ?? null, value, JSON.stringify(found));
    if (found[0]) assert.equal(text.slice(found[0].start, found[0].end), found[0].text);
  });
}
