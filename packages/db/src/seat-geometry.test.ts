import { describe, expect, it } from 'vitest';
import { generateSeats, mapBounds, SEAT_PITCH } from './seat-geometry';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('generateSeats', () => {
  it('lays straight rows on a grid, with aisles, and the next section below', () => {
    const seats = generateSeats([
      { name: 'Stalls', rows: 2, seatsPerRow: 4, aisleAfter: [1], category: 'standard' },
      { name: 'Balcony', rows: 1, seatsPerRow: 2, category: 'economy' },
    ]);
    const stalls = seats.filter((seat) => seat.section === 'Stalls');
    expect(stalls.map((seat) => `${seat.rowLabel}${seat.number}@${seat.x},${seat.y}`)).toEqual([
      'A1@20,20',
      'A2@30,20',
      'A3@50,20',
      'A4@60,20',
      'B1@20,30',
      'B2@30,30',
      'B3@50,30',
      'B4@60,30',
    ]);
    const balcony = seats.filter((seat) => seat.section === 'Balcony');
    expect(balcony[0]?.y).toBe(30 + SEAT_PITCH + 30);
  });

  it('numbers right to left by mirroring the seats, not the labels', () => {
    const seats = generateSeats([
      { name: 'S', rows: 1, seatsPerRow: 3, category: 'c', numbering: 'right-to-left' },
    ]);
    expect(seats.map((seat) => [seat.number, seat.x])).toEqual([
      ['1', 40],
      ['2', 30],
      ['3', 20],
    ]);
  });

  it('shifts every other row by half a seat when staggered', () => {
    const seats = generateSeats([
      { name: 'S', rows: 3, seatsPerRow: 2, category: 'c', shape: { kind: 'staggered' } },
    ]);
    expect(seats.filter((seat) => seat.number === '1').map((seat) => seat.x)).toEqual([20, 25, 20]);
  });

  it('puts curved rows on arcs around the stage, keeping the pitch along each row', () => {
    const seats = generateSeats([
      {
        name: 'Circle',
        rows: 3,
        seatsPerRow: 9,
        category: 'c',
        shape: { kind: 'curved', arcDegrees: 90 },
      },
    ]);
    const front = seats.filter((seat) => seat.rowLabel === 'A');
    // The ends bend towards the stage (smaller y) and the row is symmetric.
    expect(front[0]?.y).toBeLessThan(front[4]?.y ?? 0);
    expect(front[0]?.y).toBeCloseTo(front[8]?.y ?? 0, 1);
    for (let i = 1; i < front.length; i++) {
      const previous = front[i - 1];
      const seat = front[i];
      if (previous && seat) expect(distance(previous, seat)).toBeCloseTo(SEAT_PITCH, 0);
    }
    // Rows behind stay a pitch apart in the middle; no two seats overlap.
    const middle = seats.filter((seat) => seat.number === '5');
    expect((middle[1]?.y ?? 0) - (middle[0]?.y ?? 0)).toBeCloseTo(SEAT_PITCH, 0);
    for (const a of seats)
      for (const b of seats) if (a !== b) expect(distance(a, b)).toBeGreaterThan(SEAT_PITCH * 0.9);
    expect(Math.min(...seats.map((seat) => seat.x))).toBeGreaterThanOrEqual(20);
    expect(Math.min(...seats.map((seat) => seat.y))).toBeGreaterThanOrEqual(20);
  });

  it('sizes the map around its seats', () => {
    expect(mapBounds([{ x: 95.5, y: 40 }])).toEqual({ width: 116, height: 60 });
    expect(mapBounds([])).toEqual({ width: 40, height: 40 });
  });
});
