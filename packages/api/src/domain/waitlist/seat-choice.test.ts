import { describe, expect, it } from 'vitest';
import { chooseSeats, type SeatForChoice } from './seat-choice';

/** A row drawn as text: 'x' taken, '.' free; seat ids are `<row><position>`. */
function row(rowLabel: string, plan: string, section = 'Stalls'): SeatForChoice[] {
  return [...plan].map((mark, index) => ({
    seatId: `${rowLabel}${index + 1}`,
    section,
    rowLabel,
    x: index * 10,
    free: mark === '.',
  }));
}

describe('chooseSeats', () => {
  it('takes seats side by side in the first row that has enough of them in a run', () => {
    const seats = [...row('A', '.x.x.'), ...row('B', 'xx..x'), ...row('C', '...xx')];
    expect(chooseSeats(seats, 2)).toEqual(['B3', 'B4']);
    expect(chooseSeats(seats, 3)).toEqual(['C1', 'C2', 'C3']);
  });

  it('judges adjacency by position, not by the order rows come in', () => {
    expect(chooseSeats(row('A', '..x..').reverse(), 2)).toEqual(['A1', 'A2']);
  });

  it('splits the party when no row has a run long enough, and gives up when too few are free', () => {
    const seats = [...row('A', '.x.'), ...row('B', 'x.x')];
    expect(chooseSeats(seats, 2)).toEqual(['A1', 'A3']);
    expect(chooseSeats(seats, 4)).toBeNull();
  });
});
