import test from 'node:test';
import assert from 'node:assert/strict';
import {
  dayNumber,
  hijriToDayNumber,
  isoDay,
  parseIsoDay,
  resolveDayMonth,
  resolveMonthYear,
  resolveWeekday,
  shiftMonth,
  weekdayOf,
} from './calendar.js';

const MON = dayNumber(2025, 5, 12); // a Monday

test('calendar: weekdays', () => {
  assert.equal(weekdayOf(MON), 1);
  assert.equal(weekdayOf(dayNumber(1970, 1, 1)), 4);
  assert.equal(weekdayOf(dayNumber(1969, 12, 28)), 0);
});

test('calendar: weekday relative to the anchor', () => {
  assert.equal(isoDay(resolveWeekday(MON, 1, 'onOrBefore')), '2025-05-12');
  assert.equal(isoDay(resolveWeekday(MON, 2, 'onOrBefore')), '2025-05-06');
  assert.equal(isoDay(resolveWeekday(MON, 1, 'before')), '2025-05-05');
  assert.equal(isoDay(resolveWeekday(MON, 1, 'after')), '2025-05-19');
  assert.equal(isoDay(resolveWeekday(MON, 0, 'after')), '2025-05-18');
});

test('calendar: day and month relative to the anchor', () => {
  const jan5 = dayNumber(2025, 1, 5);
  assert.equal(isoDay(resolveDayMonth(jan5, 12, 29, 'onOrBefore') ?? 0), '2024-12-29');
  assert.equal(isoDay(resolveDayMonth(jan5, 1, 5, 'onOrBefore') ?? 0), '2025-01-05');
  assert.equal(isoDay(resolveDayMonth(jan5, 1, 5, 'before') ?? 0), '2024-01-05');
  assert.equal(isoDay(resolveDayMonth(jan5, 1, 5, 'after') ?? 0), '2026-01-05');
  assert.equal(isoDay(resolveDayMonth(MON, 2, 29, 'onOrBefore') ?? 0), '2024-02-29');
  assert.equal(isoDay(resolveDayMonth(MON, 2, 29, 'after') ?? 0), '2028-02-29');
  assert.equal(resolveDayMonth(MON, 2, 30, 'onOrBefore'), null);
  assert.equal(resolveMonthYear(MON, 11, 'onOrBefore'), 2024);
  assert.equal(resolveMonthYear(MON, 5, 'onOrBefore'), 2025);
  assert.equal(resolveMonthYear(MON, 5, 'before'), 2024);
  assert.equal(resolveMonthYear(MON, 5, 'after'), 2026);
  assert.equal(shiftMonth(2025, 1, -1), '2024-12');
  assert.equal(shiftMonth(2024, 12, 1), '2025-01');
});

test('calendar: publication dates', () => {
  assert.equal(parseIsoDay('2025-05-12'), MON);
  assert.equal(parseIsoDay('2025-02-29'), null);
  assert.equal(parseIsoDay('12/05/2025'), null);
  assert.equal(parseIsoDay(null), null);
});

test('calendar: Hijri (Umm al-Qura) to Gregorian', () => {
  const rows: [number, number, number, string | null][] = [
    [1444, 2, 3, '2022-08-30'],
    [1445, 9, 1, '2024-03-11'],
    [1445, 10, 1, '2024-04-10'],
    [1445, 12, 10, '2024-06-16'],
    [1446, 1, 1, '2024-07-07'],
    [1446, 1, 30, null], // Muharram 1446 has 29 days
    [1446, 13, 1, null],
  ];
  for (const [y, m, d, want] of rows) {
    const n = hijriToDayNumber(y, m, d);
    assert.equal(n === null ? null : isoDay(n), want, `${d}/${m}/${y}`);
  }
});
