import type { SeatStatus } from '../domain/availability/occurrence-schemas';
import type { PushedSeats } from './events';

/**
 * The push's seat form, without zod (type imports only): browser code imports these, and
 * importing `./events` would put zod's schemas in the date page's first-load JavaScript.
 */

/** The pushed seats in the push's form (the gateway's side). */
export function pushedSeats(seats: readonly { id: string; status: SeatStatus }[]): PushedSeats {
  const pushed: PushedSeats = { held: [], sold: [], blocked: [] };
  for (const seat of seats) if (seat.status !== 'free') pushed[seat.status].push(seat.id);
  return pushed;
}

/** Each seat's status as a push gives it (the clients' side). */
export function pushedSeatStatus(seats: PushedSeats): (seatId: string) => SeatStatus {
  const taken = new Map<string, SeatStatus>();
  for (const status of ['held', 'sold', 'blocked'] as const)
    for (const id of seats[status]) taken.set(id, status);
  return (seatId) => taken.get(seatId) ?? 'free';
}
