import type { Db } from '@tessera/db';
import { bookingRoom, orgRoom } from '../../realtime/events';
import type { StaffMember } from '../access/membership';
import { bookingByReference } from '../bookings/lookup';
import { signRoomToken, type RoomToken } from './room-token';

/** The staff live feed of the caller's org (the org comes from the membership, never input). */
export function orgFeedGrant(secret: string, staff: Pick<StaffMember, 'orgId'>): RoomToken {
  return signRoomToken(secret, orgRoom(staff.orgId));
}

/**
 * Status pushes of one booking, for whoever may see it: the same check as the booking page
 * (reference and the email it was made with), so no reference can be probed through here.
 */
export async function bookingStatusGrant(
  db: Db,
  secret: string,
  reference: string,
  email: string,
): Promise<RoomToken> {
  const booking = await bookingByReference(db, reference, email);
  return signRoomToken(secret, bookingRoom(booking.reference));
}
