import { z } from 'zod';
import { BookingStatus } from '../domain/bookings/schemas';

/**
 * What the Socket.IO gateway (apps/worker/src/realtime) sends and accepts. The gateway and
 * the browsers import these same schemas; nothing here (or in what it imports: zod schemas
 * only) may pull in server-only code.
 */

const SeatIds = z.array(z.uuid());

/**
 * The seats of a date that are not free, by status; a seat not listed is free. Each push
 * states the whole date, so a missed or reordered push heals at the next one, yet it names
 * only the taken seats: a few kilobytes for a mostly free 2,000-seat map instead of every
 * seat, for every open screen to download and decode on each change.
 */
export const PushedSeats = z.object({ held: SeatIds, sold: SeatIds, blocked: SeatIds });
export type PushedSeats = z.infer<typeof PushedSeats>;

/** `availability` in `occurrence:<id>`: what the seat map and ticket counts draw. */
export const AvailabilityEvent = z.object({
  occurrenceId: z.uuid(),
  remaining: z.number().int(),
  ticketTypes: z.array(
    z.object({ id: z.uuid(), remaining: z.number().int(), price: z.number().int() }),
  ),
  seats: PushedSeats,
});
export type AvailabilityEvent = z.infer<typeof AvailabilityEvent>;

/** `booking` in `booking:<reference>`: the booking's status after a committed change. */
export const BookingStatusEvent = z.object({
  reference: z.string(),
  status: BookingStatus,
});
export type BookingStatusEvent = z.infer<typeof BookingStatusEvent>;

/** `feed` in `org:<id>`: one line of the staff live feed, a booking's event or a check-in. */
export const OrgFeedEvent = z.object({
  /** The outbox row: a line loaded with the page and pushed later is one line. */
  outboxId: z.number().int(),
  /** The outbox event type, e.g. `booking.confirmed` or `ticket.checked_in`. */
  eventType: z.string(),
  reference: z.string(),
  status: BookingStatus,
  occurrenceId: z.uuid().nullable(),
  /** The ticket admitted, for a check-in. */
  ticketCode: z.string().nullable(),
  at: z.iso.datetime(),
});
export type OrgFeedEvent = z.infer<typeof OrgFeedEvent>;

/** The outbox payload of `ticket.checked_in` (aggregate: the ticket's booking). */
export const TicketCheckedInPayload = z.object({
  ticketId: z.uuid(),
  code: z.string(),
  occurrenceId: z.uuid(),
  gate: z.string().nullable(),
});
export type TicketCheckedInPayload = z.infer<typeof TicketCheckedInPayload>;

/** The ticket code a feed line names: a check-in's; null for a booking's own events. */
export function feedTicketCode(eventType: string, payload: unknown): string | null {
  if (eventType !== 'ticket.checked_in') return null;
  const parsed = TicketCheckedInPayload.safeParse(payload);
  return parsed.success ? parsed.data.code : null;
}

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `occurrence:<uuid>` (public), `org:<uuid>` and `booking:<reference>` (token needed). */
export const Room = z
  .string()
  .regex(new RegExp(`^(occurrence:${uuid}|org:${uuid}|booking:[A-Z0-9]{6,12})$`), {
    error: 'Unknown room',
  });

export { bookingRoom, isPublicRoom, occurrenceRoom, orgRoom } from './rooms';
export { pushedSeats, pushedSeatStatus } from './pushed-seats';

/** The only thing a client may send: join (or leave) a room, with a token for private ones. */
export const JoinRequest = z.object({ room: Room, token: z.string().max(1000).optional() });
export type JoinRequest = z.infer<typeof JoinRequest>;

export type JoinResult = { ok: true } | { ok: false; error: string };

export interface ServerToClientEvents {
  availability: (event: AvailabilityEvent) => void;
  booking: (event: BookingStatusEvent) => void;
  feed: (event: OrgFeedEvent) => void;
}

export interface ClientToServerEvents {
  join: (request: JoinRequest, ack: (result: JoinResult) => void) => void;
  leave: (request: Pick<JoinRequest, 'room'>, ack: (result: JoinResult) => void) => void;
}
