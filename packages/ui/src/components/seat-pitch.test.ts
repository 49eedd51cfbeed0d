import { describe, expect, it } from 'vitest';
import { seatPitch } from './seat-map';

describe('seatPitch', () => {
  it('is the grid step of straight rows', () => {
    expect(
      seatPitch([
        { x: 20, y: 20 },
        { x: 30, y: 20 },
        { x: 50, y: 20 },
        { x: 20, y: 30 },
      ]),
    ).toBe(10);
  });

  it('is the distance between neighbours on curved or staggered rows, not an x gap', () => {
    // Seats 10 apart along a slanted line: their x values differ by 6 only.
    expect(
      seatPitch([
        { x: 0, y: 0 },
        { x: 6, y: 8 },
        { x: 12, y: 16 },
      ]),
    ).toBeCloseTo(10);
    // Staggered rows shifted by half a seat: an x gap of 5, seats still 10 apart.
    const staggered = [
      { x: 20, y: 20 },
      { x: 30, y: 20 },
      { x: 25, y: 30 },
      { x: 35, y: 30 },
    ];
    expect(seatPitch(staggered)).toBe(10);
  });

  it('falls back to 10 for a single seat', () => {
    expect(seatPitch([{ x: 5, y: 5 }])).toBe(10);
  });
});
