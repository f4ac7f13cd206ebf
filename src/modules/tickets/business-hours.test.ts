import { describe, expect, it } from 'vitest';
import {
  computeAnswerBy,
  DEFAULT_BUSINESS_HOURS_SPEC,
  describeAnswerBy,
  isOpen,
  nextOpening,
  parseHolidays,
  parseWeeklySchedule,
  type BusinessHours,
} from './business-hours';

const NEW_YORK: BusinessHours = { timeZone: 'America/New_York', week: parseWeeklySchedule(DEFAULT_BUSINESS_HOURS_SPEC), holidays: [] };
const at = (iso: string) => new Date(iso);
const answerBy = (createdAt: string, hours: number, hoursOf: BusinessHours = NEW_YORK) => computeAnswerBy(at(createdAt), hours, hoursOf).toISOString();

describe('computeAnswerBy (America/New_York, Mon–Fri 9–18, Sat 10–16, Sun closed)', () => {
  it('adds 4 business hours inside one working day', () => {
    // Thursday 2026-11-19 10:00 EST = 15:00Z → 14:00 EST.
    expect(answerBy('2026-11-19T15:00:00Z', 4)).toBe('2026-11-19T19:00:00.000Z');
  });

  it('carries the rest over the night to the next morning', () => {
    // Thursday 16:30 EST: 1.5 h today, 2.5 h from Friday 09:00 → Friday 11:30 EST.
    expect(answerBy('2026-11-19T21:30:00Z', 4)).toBe('2026-11-20T16:30:00.000Z');
  });

  it('starts at opening time when the request arrives at night', () => {
    // Friday 02:00 EST → Friday 09:00 + 4 h = 13:00 EST.
    expect(answerBy('2026-11-20T07:00:00Z', 4)).toBe('2026-11-20T18:00:00.000Z');
  });

  it('skips the closed Sunday and uses the short Saturday', () => {
    // Friday 17:00 EST: 1 h Friday, 6 h Saturday would be enough: 3 h into Saturday → 13:00 EST.
    expect(answerBy('2026-11-20T22:00:00Z', 4)).toBe('2026-11-21T18:00:00.000Z');
    // Saturday 15:00 EST: 1 h Saturday, Sunday closed, Monday 09:00 + 3 h → Monday 12:00 EST.
    expect(answerBy('2026-11-21T20:00:00Z', 4)).toBe('2026-11-23T17:00:00.000Z');
  });

  it('skips holidays', () => {
    const withThanksgiving = { ...NEW_YORK, holidays: parseHolidays('2026-11-26, 2026-12-25') };
    // Wednesday 2026-11-25 17:00 EST: 1 h Wednesday, Thursday is a holiday, Friday 09:00 + 3 h.
    expect(answerBy('2026-11-25T22:00:00Z', 4, withThanksgiving)).toBe('2026-11-27T17:00:00.000Z');
  });

  it('gives VIP customers 1 business hour', () => {
    expect(answerBy('2026-11-19T15:00:00Z', 1)).toBe('2026-11-19T16:00:00.000Z');
    // Friday 17:45 EST → 15 min Friday, 45 min from Saturday 10:00 → 10:45 EST.
    expect(answerBy('2026-11-20T22:45:00Z', 1)).toBe('2026-11-21T15:45:00.000Z');
  });

  it('answers urgent requests at once while open, and at the next opening when closed', () => {
    // Thursday 10:00 EST: open, due now.
    expect(answerBy('2026-11-19T15:00:00Z', 0)).toBe('2026-11-19T15:00:00.000Z');
    // Sunday 03:13 EST: closed all Sunday → Monday 09:00 EST.
    expect(answerBy('2026-11-22T08:13:00Z', 0)).toBe('2026-11-23T14:00:00.000Z');
    // Friday 02:00 EST → Friday 09:00 EST, not "right away".
    expect(answerBy('2026-11-20T07:00:00Z', 0)).toBe('2026-11-20T14:00:00.000Z');
    // Friday 18:00 EST exactly: closing time is closed → Saturday 10:00 EST; Friday 20:30 the same.
    expect(answerBy('2026-11-20T23:00:00Z', 0)).toBe('2026-11-21T15:00:00.000Z');
    expect(nextOpening(at('2026-11-21T01:30:00Z'), NEW_YORK).toISOString()).toBe('2026-11-21T15:00:00.000Z');
    // Wednesday night before Thanksgiving (a holiday) → Friday 09:00 EST.
    const withThanksgiving = { ...NEW_YORK, holidays: parseHolidays('2026-11-26') };
    expect(answerBy('2026-11-26T03:00:00Z', 0, withThanksgiving)).toBe('2026-11-27T14:00:00.000Z');
  });

  it('keeps local opening times across the autumn DST change (2026-11-01)', () => {
    // Saturday 2026-10-31 15:00 EDT (19:00Z): 1 h Saturday, Monday 2026-11-02 09:00 EST + 3 h = 12:00 EST = 17:00Z.
    expect(answerBy('2026-10-31T19:00:00Z', 4)).toBe('2026-11-02T17:00:00.000Z');
  });

  it('keeps local opening times across the spring DST change (2026-03-08)', () => {
    // Saturday 2026-03-07 15:00 EST (20:00Z): Monday 2026-03-09 09:00 EDT + 3 h = 12:00 EDT = 16:00Z.
    expect(answerBy('2026-03-07T20:00:00Z', 4)).toBe('2026-03-09T16:00:00.000Z');
  });

  it('counts real elapsed time through the DST jump when the shop is open at night', () => {
    const allDay: BusinessHours = { timeZone: 'America/New_York', week: parseWeeklySchedule('mon-sun 00:00-24:00'), holidays: [] };
    // 01:30 EST on 2026-03-08 + 1 h = 03:30 EDT (the clock skips 02:00–03:00).
    expect(answerBy('2026-03-08T06:30:00Z', 1, allDay)).toBe('2026-03-08T07:30:00.000Z');
  });

  it('supports several intervals per day (a lunch break)', () => {
    const lunch: BusinessHours = { timeZone: 'Europe/Paris', week: parseWeeklySchedule('{"mon-fri":["09:00-12:00","14:00-18:00"]}'), holidays: [] };
    // Monday 2026-11-23 11:00 CET = 10:00Z: 1 h before lunch, 3 h after → 17:00 CET = 16:00Z.
    expect(answerBy('2026-11-23T10:00:00Z', 4, lunch)).toBe('2026-11-23T16:00:00.000Z');
  });
});

describe('describeAnswerBy', () => {
  it('says today, tomorrow or the weekday in the shop time zone', () => {
    const now = at('2026-11-19T15:00:00Z'); // Thursday 10:00 EST
    expect(describeAnswerBy(at('2026-11-19T16:30:00Z'), now, 'America/New_York')).toBe('11:30 AM today (ET)');
    expect(describeAnswerBy(at('2026-11-20T14:00:00Z'), now, 'America/New_York')).toBe('9:00 AM tomorrow (ET)');
    expect(describeAnswerBy(at('2026-11-23T17:00:00Z'), now, 'America/New_York')).toBe('12:00 PM Monday (ET)');
    expect(describeAnswerBy(at('2026-12-01T17:00:00Z'), now, 'America/New_York')).toBe('12:00 PM Tuesday, December 1 (ET)');
  });
});

describe('schedule parsing', () => {
  it('reads the compact syntax and the JSON syntax alike', () => {
    expect(parseWeeklySchedule('mon-fri 09:00-18:00; sat 10:00-16:00')).toEqual(parseWeeklySchedule('{"mon-fri":["09:00-18:00"],"sat":"10:00-16:00"}'));
    expect(parseWeeklySchedule('mon,wed 08:30-12:00 13:00-17:00')[3]).toEqual([{ open: 510, close: 720 }, { open: 780, close: 1020 }]);
  });

  it.each([
    ['mon-fri', /needs opening hours/],
    ['fun 09:00-18:00', /not a weekday/],
    ['mon 18:00-09:00', /closes before it opens/],
    ['mon 9-18', /not a time/],
    ['', /at least once a week/],
  ])('rejects %j', (spec, message) => {
    expect(() => parseWeeklySchedule(spec)).toThrow(message);
  });

  it('rejects a bad holiday date', () => {
    expect(() => parseHolidays('2026-02-30')).toThrow(/not a date/);
  });

  it('knows when the shop is open', () => {
    expect(isOpen(at('2026-11-19T15:00:00Z'), NEW_YORK)).toBe(true);
    expect(isOpen(at('2026-11-22T15:00:00Z'), NEW_YORK)).toBe(false);
  });
});
