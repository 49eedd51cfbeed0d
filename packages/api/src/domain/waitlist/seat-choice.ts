/** A seat of the map as the waiting list chooses among them. */
export interface SeatForChoice {
  seatId: string;
  section: string;
  rowLabel: string;
  x: number;
  free: boolean;
}

/**
 * `quantity` free seats for one party: side by side in one row when some row has such a run
 * (the first in map order), else the first free seats in map order. Null when fewer are free.
 */
export function chooseSeats(seats: readonly SeatForChoice[], quantity: number): string[] | null {
  const rows = new Map<string, SeatForChoice[]>();
  for (const seat of seats) {
    const key = `${seat.section}\u0000${seat.rowLabel}`;
    const row = rows.get(key) ?? [];
    row.push(seat);
    rows.set(key, row);
  }
  for (const row of rows.values()) {
    row.sort((a, b) => a.x - b.x);
    let run: SeatForChoice[] = [];
    for (const seat of row) {
      run = seat.free ? [...run, seat] : [];
      if (run.length === quantity) return run.map((chosen) => chosen.seatId);
    }
  }
  const free = seats.filter((seat) => seat.free);
  return free.length >= quantity ? free.slice(0, quantity).map((seat) => seat.seatId) : null;
}
