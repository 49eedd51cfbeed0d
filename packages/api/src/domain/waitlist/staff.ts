import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import type { InventoryEvents } from '../events/inventory';
import { lockWaitlist, offerPlaces, type OfferSettings } from './offers';

export const OccurrenceWaitlistInput = z.object({ occurrenceId: z.uuid() });
export const ManualOfferInput = z.object({ entryId: z.uuid() });

export const StaffWaitlistEntry = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  quantity: z.number().int(),
  ticketTypeId: z.uuid().nullable(),
  status: z.enum(['waiting', 'offered', 'claimed', 'lapsed', 'cancelled']),
  joinedAt: z.date(),
  offer: z
    .object({
      holdId: z.uuid(),
      offeredAt: z.date(),
      expiresAt: z.date(),
      holdStatus: z.enum(['active', 'converted', 'released', 'expired']),
    })
    .nullable(),
});
export type StaffWaitlistEntry = z.infer<typeof StaffWaitlistEntry>;

/** A date's waiting list in join order, each entry with its offer (hold and its state). */
export async function waitlistOfOccurrence(
  db: Db,
  orgId: string,
  occurrenceId: string,
): Promise<StaffWaitlistEntry[]> {
  const occurrence = await db
    .selectFrom('occurrences')
    .select('id')
    .where('id', '=', occurrenceId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!occurrence) throw new AppError('NOT_FOUND', 'This occurrence was not found.');
  const rows = await db
    .selectFrom('waitlistEntries as w')
    .leftJoin('holds as h', 'h.id', 'w.offerHoldId')
    .select([
      'w.id',
      'w.email',
      'w.name',
      'w.quantity',
      'w.ticketTypeId',
      'w.status',
      'w.createdAt as joinedAt',
      'w.offeredAt',
      'h.id as holdId',
      'h.expiresAt',
      // An active hold past its expiry is expired to everyone but the sweep.
      sql<
        'active' | 'converted' | 'released' | 'expired' | null
      >`CASE WHEN h.status = 'active' AND h.expires_at <= now() THEN 'expired' ELSE h.status END`.as(
        'holdStatus',
      ),
    ])
    .where('w.occurrenceId', '=', occurrence.id)
    .orderBy('w.createdAt')
    .orderBy('w.id')
    .execute();
  return rows.map(({ offeredAt, holdId, expiresAt, holdStatus, ...entry }) => ({
    ...entry,
    offer:
      holdId && offeredAt && expiresAt && holdStatus
        ? { holdId, offeredAt, expiresAt, holdStatus }
        : null,
  }));
}

/**
 * Staff offer the places to one waiting entry now, out of turn (a regular, a party that
 * only fits now). Refused when what is free does not fit the party; audited.
 */
export async function makeManualOffer(
  db: Db,
  entryId: string,
  staff: StaffMember,
  deps: OfferSettings & { events: InventoryEvents; requestId: string },
): Promise<{ holdId: string }> {
  const result = await db.transaction().execute(async (tx) => {
    const found = await tx
      .selectFrom('waitlistEntries')
      .select('occurrenceId')
      .where('id', '=', entryId)
      .where('orgId', '=', staff.orgId)
      .executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND', 'This waiting list entry was not found.');
    await lockWaitlist(tx, found.occurrenceId);
    // Read again under the lock: a worker may have offered it meanwhile.
    const entry = await tx
      .selectFrom('waitlistEntries')
      .select(['id', 'orgId', 'occurrenceId', 'ticketTypeId', 'userId', 'quantity', 'status'])
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow();
    if (entry.status !== 'waiting')
      throw new AppError('CONFLICT', `This entry is ${entry.status}, not waiting.`);
    const offer = await offerPlaces(tx, entry, 'staff', deps, new Date());
    if (!offer)
      throw new AppError(
        'SOLD_OUT',
        `Not enough free places for this party of ${entry.quantity} right now.`,
      );
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'waitlist.offered',
      entityType: 'waitlist_entry',
      entityId: entry.id,
      changes: { holdId: offer.holdId, quantity: entry.quantity },
      requestId: deps.requestId,
    });
    return { holdId: offer.holdId, occurrenceId: entry.occurrenceId };
  });
  deps.events.changed({ orgId: staff.orgId, occurrenceId: result.occurrenceId });
  return { holdId: result.holdId };
}
