import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { BookingView } from './schemas';
import { bookingView } from './view';

/** A guest finds a booking by its reference and the email it was made with. */
export async function bookingByReference(
  db: Db,
  reference: string,
  email: string,
): Promise<BookingView> {
  const booking = await db
    .selectFrom('bookings')
    .select('id')
    .where('reference', '=', reference)
    .where('contactEmail', '=', email)
    .executeTakeFirst();
  // One answer for "no such reference" and "wrong email": references are not to be probed.
  if (!booking) throw new AppError('NOT_FOUND', 'No booking matches this reference and email.');
  return bookingView(db, booking.id);
}

/** The signed-in customer's bookings, newest first. */
export async function customerBookings(db: Db, userId: string): Promise<BookingView[]> {
  const rows = await db
    .selectFrom('bookings')
    .select('id')
    .where('customerUserId', '=', userId)
    .orderBy('createdAt', 'desc')
    .limit(100)
    .execute();
  return Promise.all(rows.map((row) => bookingView(db, row.id)));
}
