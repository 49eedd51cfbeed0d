import type { Db } from '@tessera/db';
import { z } from 'zod';
import { AppError } from '../../errors';
import { Email } from '../accounts/schemas';
import { Reference } from '../bookings/schemas';

/** Who asks for a booking's tickets: the booking page's rule (reference + email, or the signed-in owner). */
export const TicketsRequest = z.object({
  reference: Reference,
  email: Email.optional(),
  userId: z.uuid().nullable(),
});
export type TicketsRequest = z.infer<typeof TicketsRequest>;

/**
 * The id of a confirmed booking the requester may see. One answer for "no such reference"
 * and "wrong email", as `bookingByReference` gives: references are not to be probed.
 */
export async function ticketsBookingId(db: Db, request: TicketsRequest): Promise<string> {
  const { reference, email, userId } = request;
  if (!email && !userId)
    throw new AppError('VALIDATION', 'Give the email the booking was made with.');
  const booking = await db
    .selectFrom('bookings')
    .select(['id', 'status'])
    .where('reference', '=', reference)
    .where((eb) =>
      eb.or([
        ...(email ? [eb('contactEmail', '=', email)] : []),
        ...(userId ? [eb('customerUserId', '=', userId)] : []),
      ]),
    )
    .executeTakeFirst();
  if (!booking) throw new AppError('NOT_FOUND', 'No booking matches this reference and email.');
  // Tickets admit people: only a confirmed booking has any to give.
  if (booking.status !== 'confirmed')
    throw new AppError('CONFLICT', 'Tickets are available once the booking is confirmed.');
  return booking.id;
}
