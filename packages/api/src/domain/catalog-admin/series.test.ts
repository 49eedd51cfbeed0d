import { describe, expect, it } from 'vitest';
import { seriesStarts } from './series';

const base = { localTime: '08:00', weekdays: [], skipDates: [] };

describe('seriesStarts', () => {
  it('keeps 08:00 Paris across the end of summer time: 06:00Z before, 07:00Z after', () => {
    const starts = seriesStarts({ ...base, firstDate: '2026-10-24', days: 3 }, 'Europe/Paris');
    expect(starts.map((start) => start.startsAt.toISOString())).toEqual([
      '2026-10-24T06:00:00.000Z',
      '2026-10-25T07:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
    ]);
  });

  it('leaves out skipped dates and days outside the chosen weekdays', () => {
    const starts = seriesStarts(
      { ...base, firstDate: '2026-03-02', days: 14, weekdays: [1, 3], skipDates: ['2026-03-04'] },
      'UTC',
    );
    expect(starts.map((start) => start.localDate)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-11',
    ]);
  });

  it('moves a time that does not exist on a spring-forward day to after the gap', () => {
    const [start] = seriesStarts(
      { ...base, firstDate: '2026-03-29', days: 1, localTime: '02:30' },
      'Europe/Paris',
    );
    expect(start?.startsAt.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
