import { describe, expect, it } from 'vitest';
import { instantOfLocalDateTime } from './time-zone';

describe('instantOfLocalDateTime', () => {
  it('reads a datetime-local value in the zone, on either side of a daylight-saving change', () => {
    expect(instantOfLocalDateTime('2026-10-24T19:30', 'Europe/Paris').toISOString()).toBe(
      '2026-10-24T17:30:00.000Z',
    );
    expect(instantOfLocalDateTime('2026-10-26T19:30', 'Europe/Paris').toISOString()).toBe(
      '2026-10-26T18:30:00.000Z',
    );
  });

  it('answers an Invalid Date for what is not a date and time, or an unknown zone', () => {
    for (const [local, zone] of [
      ['2026-13-01T10:00', 'Europe/Paris'],
      ['tomorrow', 'Europe/Paris'],
      ['2026-10-24T19:30', 'Mars/Olympus'],
    ] as const)
      expect(Number.isNaN(instantOfLocalDateTime(local, zone).getTime())).toBe(true);
  });
});
