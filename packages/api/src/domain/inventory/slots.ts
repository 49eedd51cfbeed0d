import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import { bookableStarts, generateSlots, localDateOf } from '../availability/slots';
import {
  loadOfferingSchedule,
  type OfferingSchedule,
  type ResourceSchedule,
} from '../availability/slots-schedule';

/**
 * Time-slot inventory. The database decides who gets a slot (ARCHITECTURE.md, invariant
 * 1): `slot_reservations_no_overlap` (EXCLUDE USING gist (resource_id WITH =, period WITH
 * &&) WHERE released_at IS NULL) refuses a second live row overlapping on one resource,
 * whatever the offering or slot length. Nothing here reads and then writes.
 */

export interface ClaimSlotInput {
  orgId: string;
  offeringId: string;
  /** Omitted: the first of the offering's resources (oldest first) that is free. */
  resourceId?: string | undefined;
  start: Date;
  holdId: string;
  heldUntil: Date;
  /** For minimum notice and horizon; the expiry of other holds is judged by the database clock. */
  now: Date;
}

export interface ClaimedSlot {
  resourceId: string;
  startsAt: Date;
  endsAt: Date;
}

const MINUTE = 60_000;

/**
 * Reserves the slot starting at `start` for a hold, inside the caller's transaction, or
 * throws SLOT_TAKEN. `tx` must be a transaction: the release of expired rows and the insert
 * have to commit together.
 */
export async function claimSlot(tx: Db, input: ClaimSlotInput): Promise<ClaimedSlot> {
  const schedule = await loadOfferingSchedule(tx, {
    offeringId: input.offeringId,
    orgId: input.orgId,
    resourceId: input.resourceId,
    from: input.start,
    to: input.start,
  });
  const candidates = schedule.resources.filter((resource) =>
    offersStart(schedule, resource, input),
  );
  if (candidates.length === 0) {
    throw new AppError(
      'VALIDATION',
      `This time is not bookable: ${whyNotBookable(schedule, input)}`,
      {
        start: input.start,
      },
    );
  }

  const { slotMinutes, bufferBeforeMinutes, bufferAfterMinutes } = schedule.settings;
  const endsAt = new Date(input.start.getTime() + slotMinutes * MINUTE);
  const periodStart = new Date(input.start.getTime() - bufferBeforeMinutes * MINUTE);
  const periodEnd = new Date(endsAt.getTime() + bufferAfterMinutes * MINUTE);
  const period = sql`tstzrange(${periodStart}, ${periodEnd}, '[)')`;

  for (const { resourceId } of candidates) {
    // An exclusion constraint cannot look at now(): free overlapping rows whose hold
    // expired first, so an expired hold never blocks a buyer even with no worker running.
    await sql`
      UPDATE slot_reservations SET released_at = now()
      WHERE resource_id = ${resourceId} AND released_at IS NULL AND booking_id IS NULL
        AND held_until < now() AND period && ${period}
    `.execute(tx);
    // DO NOTHING covers exclusion constraints: a concurrent claim of an overlapping period
    // waits for the other transaction, then yields no row instead of failing ours.
    const inserted = await sql<{ id: string }>`
      INSERT INTO slot_reservations
        (org_id, resource_id, offering_id, hold_id, starts_at, ends_at, period, held_until)
      VALUES (${schedule.orgId}, ${resourceId}, ${schedule.offeringId}, ${input.holdId},
              ${input.start}, ${endsAt}, ${period}, ${input.heldUntil})
      ON CONFLICT DO NOTHING
      RETURNING id
    `.execute(tx);
    if (inserted.rows.length > 0) return { resourceId, startsAt: input.start, endsAt };
  }
  throw new AppError('SLOT_TAKEN', 'That time was just taken. Please choose another.', {
    start: input.start,
  });
}

/** Whether the resource's schedule offers a slot starting exactly at `start` (busy aside). */
function offersStart(
  schedule: OfferingSchedule,
  resource: ResourceSchedule,
  input: ClaimSlotInput,
): boolean {
  const offered = generateSlots({
    settings: schedule.settings,
    resourceId: resource.resourceId,
    timeZone: resource.timeZone,
    rules: resource.rules,
    from: input.start,
    to: new Date(input.start.getTime() + 1),
    now: input.now,
  });
  return offered.some((slot) => slot.start.getTime() === input.start.getTime());
}

function whyNotBookable(schedule: OfferingSchedule, input: ClaimSlotInput): string {
  const first = schedule.resources[0];
  if (!first) return 'this service has no resource to book yet.';
  const { earliest, latest } = bookableStarts(schedule.settings, first.timeZone, input.now);
  if (input.start < earliest) {
    return `bookings need ${schedule.settings.minNoticeMinutes} minutes' notice.`;
  }
  if (input.start > latest)
    return `bookings open ${schedule.settings.horizonDays} days ahead at most.`;
  const day = localDateOf(input.start, first.timeZone).toString();
  return `it is not one of the start times offered on ${day}. Choose a time from the list of available slots.`;
}

/** Frees a hold's slots (released or expired hold); a slot already sold stays sold. */
export async function releaseSlotsOfHold(tx: Db, holdId: string): Promise<number> {
  const result = await tx
    .updateTable('slotReservations')
    .set({ releasedAt: sql<Date>`now()` })
    .where('holdId', '=', holdId)
    .where('releasedAt', 'is', null)
    .where('bookingId', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Turns a hold's live slots into sold ones. Returns how many were sold: fewer than the hold
 * had means a slot was reclaimed by someone else after the hold expired, and the caller
 * must not confirm (ARCHITECTURE.md, invariant 3). A hold past its expiry whose slot
 * nobody took yet still sells it: the row is live, so nobody else has it.
 */
export async function sellSlotsOfHold(tx: Db, holdId: string, bookingId: string): Promise<number> {
  const result = await tx
    .updateTable('slotReservations')
    .set({ bookingId, heldUntil: null })
    .where('holdId', '=', holdId)
    .where('releasedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
