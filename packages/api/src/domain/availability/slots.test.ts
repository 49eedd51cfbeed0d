import { describe, expect, it } from 'vitest';
import {
  generateSlots,
  type GenerateSlotsInput,
  type OpeningRule,
  type SlotSettings,
} from './slots';

const RESOURCE = '00000000-0000-4000-8000-000000000001';

const settings = (overrides: Partial<SlotSettings> = {}): SlotSettings => ({
  slotMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  horizonDays: 365,
  ...overrides,
});

const weekly = (weekdays: number[], opensAt: string, closesAt: string): OpeningRule[] =>
  weekdays.map((weekday) => ({ weekday, onDate: null, opensAt, closesAt, closed: false }));
const override = (
  onDate: string,
  opensAt: string | null = null,
  closesAt: string | null = null,
): OpeningRule => ({
  weekday: null,
  onDate,
  opensAt,
  closesAt,
  closed: opensAt === null,
});
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** Slot starts as ISO strings: exact UTC instants are the assertion. */
function starts(
  input: Partial<GenerateSlotsInput> & Pick<GenerateSlotsInput, 'rules' | 'from' | 'to'>,
): string[] {
  return generateSlots({
    settings: settings(),
    resourceId: RESOURCE,
    timeZone: 'Europe/Paris',
    now: new Date('2026-01-01T00:00:00Z'),
    ...input,
  }).map((slot) => slot.start.toISOString());
}

// 2026-06-01 is a Monday; Paris is UTC+2 in June.
const JUNE_WEEK = { from: new Date('2026-05-31T22:00:00Z'), to: new Date('2026-06-07T22:00:00Z') };

describe('generateSlots: weekly hours and overrides', () => {
  it('opens on the weekdays of the weekly rules, several rows a day, in local time', () => {
    const rules = [...weekly([1, 3], '09:00', '11:00'), ...weekly([3], '14:00', '15:30')];
    expect(starts({ rules, ...JUNE_WEEK })).toEqual([
      '2026-06-01T07:00:00.000Z',
      '2026-06-01T08:00:00.000Z',
      '2026-06-03T07:00:00.000Z',
      '2026-06-03T08:00:00.000Z',
      '2026-06-03T12:00:00.000Z', // 14:00-15:00; 15:00-16:00 does not fit before 15:30
    ]);
  });

  it('returns slots with the slot length and the resource', () => {
    const [slot] = generateSlots({
      settings: settings({ slotMinutes: 45 }),
      resourceId: RESOURCE,
      timeZone: 'Europe/Paris',
      rules: weekly([1], '09:00', '10:00'),
      now: new Date('2026-01-01T00:00:00Z'),
      ...JUNE_WEEK,
    });
    expect(slot).toEqual({
      start: new Date('2026-06-01T07:00:00Z'),
      end: new Date('2026-06-01T07:45:00Z'),
      resourceId: RESOURCE,
    });
  });

  it("lets a date override replace that day's weekly hours, and another close a day", () => {
    const rules = [
      ...weekly([1, 2], '09:00', '11:00'),
      override('2026-06-01', '13:00', '14:00'),
      override('2026-06-01', '16:00', '17:00'),
      override('2026-06-02'),
    ];
    expect(starts({ rules, ...JUNE_WEEK })).toEqual([
      '2026-06-01T11:00:00.000Z',
      '2026-06-01T14:00:00.000Z',
    ]);
  });

  it('opens a day with no weekly hours through an override', () => {
    expect(starts({ rules: [override('2026-06-06', '10:00', '11:00')], ...JUNE_WEEK })).toEqual([
      '2026-06-06T08:00:00.000Z',
    ]);
  });

  it('keeps to the window [from, to)', () => {
    const rules = weekly(EVERY_DAY, '09:00', '12:00');
    expect(
      starts({
        rules,
        from: new Date('2026-06-01T08:00:00Z'),
        to: new Date('2026-06-01T09:00:00Z'),
      }),
    ).toEqual(['2026-06-01T08:00:00.000Z']);
  });
});

describe('generateSlots: buffers, busy periods, notice and horizon', () => {
  const rules = weekly([1], '09:00', '13:00');

  it('steps by slot plus both buffers, and a buffer may not overlap a busy period', () => {
    const buffered = settings({ bufferBeforeMinutes: 15, bufferAfterMinutes: 15 });
    expect(starts({ settings: buffered, rules, ...JUNE_WEEK })).toEqual([
      '2026-06-01T07:00:00.000Z', // 09:00, occupies 08:45-10:15
      '2026-06-01T08:30:00.000Z', // 10:30, occupies 10:15-11:45
      '2026-06-01T10:00:00.000Z', // 12:00-13:00 fits the closing time
    ]);
    // Busy 10:15-11:00 local: touches the 09:00 slot's buffer (half-open), overlaps 10:30's.
    const busy = [
      { start: new Date('2026-06-01T08:15:00Z'), end: new Date('2026-06-01T09:00:00Z') },
    ];
    expect(starts({ settings: buffered, rules, busy, ...JUNE_WEEK })).toEqual([
      '2026-06-01T07:00:00.000Z',
      '2026-06-01T10:00:00.000Z',
    ]);
  });

  it('offers nothing starting before now + minimum notice', () => {
    const now = new Date('2026-06-01T06:30:00Z'); // 08:30 local
    expect(
      starts({ settings: settings({ minNoticeMinutes: 120 }), rules, now, ...JUNE_WEEK }),
    ).toEqual([
      '2026-06-01T09:00:00.000Z', // 11:00 local: 10:30 is the earliest start, 10:00 is too soon
      '2026-06-01T10:00:00.000Z',
    ]);
  });

  it('offers nothing starting after now + horizon days (calendar days of the zone)', () => {
    const daily = weekly(EVERY_DAY, '09:00', '12:00');
    const now = new Date('2026-06-01T08:00:00Z'); // Monday 10:00 local
    expect(
      starts({ settings: settings({ horizonDays: 2 }), rules: daily, now, ...JUNE_WEEK }),
    ).toEqual([
      '2026-06-01T08:00:00.000Z',
      '2026-06-01T09:00:00.000Z',
      '2026-06-02T07:00:00.000Z',
      '2026-06-02T08:00:00.000Z',
      '2026-06-02T09:00:00.000Z',
      '2026-06-03T07:00:00.000Z',
      '2026-06-03T08:00:00.000Z', // Wednesday 10:00 = now + 2 days, still offered
    ]);
  });
});

describe('generateSlots: daylight saving time', () => {
  const daily = weekly(EVERY_DAY, '09:00', '11:00');

  it('Europe/Paris spring forward (2026-03-29): 09:00 stays 09:00, 02:00 shifts to 03:00', () => {
    const rules = [...daily, override('2026-03-29', '02:00', '04:00')];
    const window = { from: new Date('2026-03-27T00:00:00Z'), to: new Date('2026-03-31T00:00:00Z') };
    expect(starts({ rules, ...window })).toEqual([
      '2026-03-27T08:00:00.000Z', // Friday 09:00 CET (UTC+1)
      '2026-03-27T09:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T01:00:00.000Z', // Sunday: 02:00 does not exist, opens 03:00 CEST, closes 04:00
      '2026-03-30T07:00:00.000Z', // Monday 09:00 CEST (UTC+2)
      '2026-03-30T08:00:00.000Z',
    ]);
  });

  it('America/New_York spring forward (2026-03-08): 02:30 opens at 03:30 EDT', () => {
    const rules = [...daily, override('2026-03-08', '02:30', '05:00')];
    const window = { from: new Date('2026-03-06T12:00:00Z'), to: new Date('2026-03-10T00:00:00Z') };
    expect(starts({ rules, timeZone: 'America/New_York', ...window })).toEqual([
      '2026-03-06T14:00:00.000Z', // Friday 09:00 EST (UTC-5)
      '2026-03-06T15:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-07T15:00:00.000Z',
      '2026-03-08T07:30:00.000Z', // 03:30 EDT; 04:30-05:30 would pass the 05:00 closing
      '2026-03-09T13:00:00.000Z', // Monday 09:00 EDT (UTC-4)
      '2026-03-09T14:00:00.000Z',
    ]);
  });

  it('a night crossing the gap keeps one-hour slots of exact time', () => {
    const rules = [override('2026-03-08', '00:00', '06:00')];
    const window = { from: new Date('2026-03-08T00:00:00Z'), to: new Date('2026-03-09T00:00:00Z') };
    // 00:00-06:00 local is five real hours; no slot starts at the nonexistent 02:00.
    expect(starts({ rules, timeZone: 'America/New_York', ...window })).toEqual([
      '2026-03-08T05:00:00.000Z', // 00:00 EST
      '2026-03-08T06:00:00.000Z', // 01:00 EST
      '2026-03-08T07:00:00.000Z', // 03:00 EDT
      '2026-03-08T08:00:00.000Z', // 04:00 EDT
      '2026-03-08T09:00:00.000Z', // 05:00 EDT
    ]);
  });

  it('America/New_York fall back (2026-11-01): ambiguous 01:30 opens at the earlier instant', () => {
    const rules = [...daily, override('2026-11-01', '01:30', '03:00')];
    const window = { from: new Date('2026-10-31T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z') };
    expect(starts({ rules, timeZone: 'America/New_York', ...window })).toEqual([
      '2026-10-31T13:00:00.000Z', // Saturday 09:00 EDT (UTC-4)
      '2026-10-31T14:00:00.000Z',
      '2026-11-01T05:30:00.000Z', // 01:30 EDT, the earlier of the two 01:30s
      '2026-11-01T06:30:00.000Z', // 01:30 EST: the same wall time, one real hour later
      '2026-11-02T14:00:00.000Z', // Monday 09:00 EST (UTC-5)
      '2026-11-02T15:00:00.000Z',
    ]);
  });

  it('Europe/Paris fall back (2026-10-25): 09:00 local on both sides', () => {
    const window = { from: new Date('2026-10-24T00:00:00Z'), to: new Date('2026-10-27T00:00:00Z') };
    expect(starts({ rules: daily, ...window })).toEqual([
      '2026-10-24T07:00:00.000Z', // Saturday 09:00 CEST
      '2026-10-24T08:00:00.000Z',
      '2026-10-25T08:00:00.000Z', // Sunday 09:00 CET, after the change at 03:00
      '2026-10-25T09:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
    ]);
  });
});
