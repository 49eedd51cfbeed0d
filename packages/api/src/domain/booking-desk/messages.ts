import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import { enqueueOutbox } from '../shared/outbox';
import { NOTE_ACTION } from './timeline';

async function bookingOfOrg(db: Db, reference: string, orgId: string) {
  const booking = await db
    .selectFrom('bookings')
    .select(['id', 'status', 'contactEmail'])
    .where('reference', '=', reference)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!booking)
    throw new AppError('NOT_FOUND', 'No booking of your organisation has this reference.');
  return booking;
}

/**
 * Emails the confirmation again through the outbox: a new event, so a new dedupe key, so
 * the worker really sends it (the original's key would find it already sent).
 */
export async function resendConfirmation(
  db: Db,
  reference: string,
  staff: StaffMember,
  requestId: string,
): Promise<{ recipient: string }> {
  return db.transaction().execute(async (tx) => {
    const booking = await bookingOfOrg(tx, reference, staff.orgId);
    if (booking.status !== 'confirmed')
      throw new AppError('CONFLICT', 'Only a confirmed booking has a confirmation to resend.');
    await enqueueOutbox(tx, [
      {
        orgId: staff.orgId,
        aggregateType: 'booking',
        aggregateId: booking.id,
        eventType: 'booking.confirmation_resent',
        payload: { reference },
      },
    ]);
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'booking.confirmation_resent',
      entityType: 'booking',
      entityId: booking.id,
      changes: { recipient: booking.contactEmail },
      requestId,
    });
    return { recipient: booking.contactEmail };
  });
}

/** A staff note on the booking, kept as its audit entry (who, when, what). */
export async function addBookingNote(
  db: Db,
  input: { reference: string; note: string },
  staff: StaffMember,
  requestId: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const booking = await bookingOfOrg(tx, input.reference, staff.orgId);
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: NOTE_ACTION,
      entityType: 'booking',
      entityId: booking.id,
      changes: { note: input.note },
      requestId,
    });
  });
}
