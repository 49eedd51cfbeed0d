import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { InventoryEvents } from '../events/inventory';
import { createOccurrenceHold } from '../holds/create-occurrence-hold';
import type { OccurrenceHoldInput } from '../holds/schemas';
import type { Tx } from '../shared/idempotency';
import { enqueueOutbox } from '../shared/outbox';
import { chooseSeats, type SeatForChoice } from './seat-choice';

export interface OfferSettings {
  /** How long an offer's hold lasts (WAITLIST_OFFER_TTL_MINUTES): longer than a checkout's. */
  offerMinutes: number;
  /** The booking site; the claim link is `<siteUrl>/checkout/<holdId>`. */
  siteUrl: string;
}

export interface WaitlistRound {
  claimed: number;
  lapsed: number;
  offered: { entryId: string; holdId: string }[];
}

export type WaitingEntry = {
  id: string;
  orgId: string;
  occurrenceId: string;
  ticketTypeId: string | null;
  userId: string | null;
  quantity: number;
};

/**
 * Moves one date's waiting list on: offers whose hold was booked become `claimed`, offers
 * whose hold expired or was released `lapsed`; then the free places go, in join order, to
 * each waiting entry whose party fits, as a hold of `offerMinutes` and an emailed link.
 * Under a lock per date: two workers handling the same release take turns, so no entry
 * is offered twice (and the engine's claims never give the same place to two holds).
 */
export async function advanceWaitlist(
  db: Db,
  occurrenceId: string,
  deps: OfferSettings & { events: InventoryEvents },
  now = new Date(),
): Promise<WaitlistRound> {
  // Most releases are of dates nobody waits for: no lock, no transaction for those.
  const open = await db
    .selectFrom('waitlistEntries')
    .select('id')
    .where('occurrenceId', '=', occurrenceId)
    .where('status', 'in', ['waiting', 'offered'])
    .limit(1)
    .executeTakeFirst();
  if (!open) return { claimed: 0, lapsed: 0, offered: [] };
  const round = await db.transaction().execute(async (tx) => {
    await lockWaitlist(tx, occurrenceId);
    const settled = await settleOffers(tx, occurrenceId);
    const waiting = await tx
      .selectFrom('waitlistEntries')
      .select(['id', 'orgId', 'occurrenceId', 'ticketTypeId', 'userId', 'quantity'])
      .where('occurrenceId', '=', occurrenceId)
      .where('status', '=', 'waiting')
      .orderBy('createdAt')
      .orderBy('id')
      .limit(200)
      .execute();
    const offered: WaitlistRound['offered'] = [];
    // An upper bound of what can be offered: no per-entry queries once it is spent.
    let free = await freePlaces(tx, occurrenceId);
    for (const entry of waiting) {
      if (free === 0) break;
      if (entry.quantity > free) continue;
      const offer = await offerPlaces(tx, entry, 'customer', deps, now);
      if (offer) {
        offered.push(offer);
        free -= entry.quantity;
      }
    }
    return { ...settled, offered, orgId: waiting[0]?.orgId };
  });
  if (round.orgId && round.offered.length > 0)
    deps.events.changed({ orgId: round.orgId, occurrenceId });
  return { claimed: round.claimed, lapsed: round.lapsed, offered: round.offered };
}

/** Serializes everything that changes one date's waiting list (transaction-scoped). */
export async function lockWaitlist(tx: Tx, occurrenceId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`waitlist:${occurrenceId}`}, 0))`.execute(
    tx,
  );
}

/** Seats and units of the date free now (an expired hold's count as free). */
async function freePlaces(tx: Tx, occurrenceId: string): Promise<number> {
  const { rows } = await sql<{ free: number }>`
    SELECT (
      SELECT count(*) FROM occurrence_seats WHERE occurrence_id = ${occurrenceId}
        AND (status = 'free' OR (status = 'held' AND held_until < now()))
    )::int + (
      SELECT count(*) FROM ticket_units WHERE occurrence_id = ${occurrenceId}
        AND (status = 'free' OR (status = 'held' AND held_until < now()))
    )::int AS free
  `.execute(tx);
  return rows[0]?.free ?? 0;
}

async function settleOffers(tx: Tx, occurrenceId: string) {
  const { rows } = await sql<{ status: 'claimed' | 'lapsed' }>`
    UPDATE waitlist_entries w
    SET status = CASE WHEN h.status = 'converted' THEN 'claimed' ELSE 'lapsed' END
    FROM holds h
    WHERE h.id = w.offer_hold_id AND w.occurrence_id = ${occurrenceId} AND w.status = 'offered'
      AND h.status IN ('converted', 'expired', 'released')
    RETURNING w.status
  `.execute(tx);
  return {
    claimed: rows.filter((row) => row.status === 'claimed').length,
    lapsed: rows.filter((row) => row.status === 'lapsed').length,
  };
}

/**
 * Holds places for one entry (seats chosen side by side when possible) and marks it offered,
 * with the `waitlist.offered` event in the same transaction. Null when its party does not
 * fit what is free now (or sales closed): the entry keeps waiting and nothing changes.
 */
export async function offerPlaces(
  tx: Tx,
  entry: WaitingEntry,
  source: 'customer' | 'staff',
  settings: OfferSettings,
  now: Date,
): Promise<{ entryId: string; holdId: string } | null> {
  const request = await holdRequestFor(tx, entry);
  if (!request) return null;
  await sql`SAVEPOINT waitlist_offer`.execute(tx);
  let holdId: string;
  try {
    ({ holdId } = await createOccurrenceHold(
      tx,
      request,
      { clientKey: `waitlist:${entry.id}`, userId: entry.userId, source },
      now,
    ));
  } catch (error) {
    // The engine refused (taken meanwhile, sales closed, over a limit): nothing of it stays.
    await sql`ROLLBACK TO SAVEPOINT waitlist_offer`.execute(tx);
    if (error instanceof AppError) return null;
    throw error;
  }
  await sql`RELEASE SAVEPOINT waitlist_offer`.execute(tx);

  const expiresAt = await keepOfferFor(tx, holdId, settings.offerMinutes);
  await tx
    .updateTable('waitlistEntries')
    .set({ status: 'offered', offerHoldId: holdId, offeredAt: sql<Date>`now()` })
    .where('id', '=', entry.id)
    .execute();
  await enqueueOutbox(tx, [
    {
      orgId: entry.orgId,
      aggregateType: 'waitlist_entry',
      aggregateId: entry.id,
      eventType: 'waitlist.offered',
      payload: {
        holdId,
        expiresAt: expiresAt.toISOString(),
        claimUrl: `${settings.siteUrl.replace(/\/$/, '')}/checkout/${holdId}`,
      },
    },
  ]);
  return { entryId: entry.id, holdId };
}

/** What to hold for the entry: seats of its category for reserved seating, else units of a type. */
async function holdRequestFor(tx: Tx, entry: WaitingEntry): Promise<OccurrenceHoldInput | null> {
  const occurrence = await tx
    .selectFrom('occurrences')
    .select(['seatMapId', 'offeringId'])
    .where('id', '=', entry.occurrenceId)
    .executeTakeFirstOrThrow();
  const tickets = entry.ticketTypeId
    ? [{ ticketTypeId: entry.ticketTypeId, quantity: entry.quantity }]
    : undefined;
  if (occurrence.seatMapId) {
    const seatIds = chooseSeats(await seatsOf(tx, entry), entry.quantity);
    return seatIds ? { occurrenceId: entry.occurrenceId, seatIds, tickets } : null;
  }
  // General admission: the entry's type, or the first type (by sort order) with enough left.
  let free = tx
    .selectFrom('ticketUnits as u')
    .innerJoin('ticketTypes as t', 't.id', 'u.ticketTypeId')
    .select('u.ticketTypeId')
    .where('u.occurrenceId', '=', entry.occurrenceId)
    .where('t.active', '=', true)
    .where(sql<boolean>`(u.status = 'free' OR (u.status = 'held' AND u.held_until < now()))`)
    .groupBy(['u.ticketTypeId', 't.sortOrder'])
    .having((eb) => eb.fn.countAll(), '>=', entry.quantity)
    .orderBy('t.sortOrder')
    .limit(1);
  if (entry.ticketTypeId) free = free.where('u.ticketTypeId', '=', entry.ticketTypeId);
  const type = await free.executeTakeFirst();
  return type
    ? {
        occurrenceId: entry.occurrenceId,
        tickets: [{ ticketTypeId: type.ticketTypeId, quantity: entry.quantity }],
      }
    : null;
}

/** Every sellable seat of the date with whether it is free now (an expired hold's is). */
async function seatsOf(tx: Tx, entry: WaitingEntry): Promise<SeatForChoice[]> {
  let query = tx
    .selectFrom('occurrenceSeats as os')
    .innerJoin('seats as s', 's.id', 'os.seatId')
    .select([
      'os.seatId',
      's.section',
      's.rowLabel',
      's.x',
      sql<boolean>`(os.status = 'free' OR (os.status = 'held' AND os.held_until < now()))`.as(
        'free',
      ),
    ])
    .where('os.occurrenceId', '=', entry.occurrenceId)
    .where('os.status', '<>', 'blocked')
    .orderBy('s.section')
    .orderBy('s.rowLabel')
    .orderBy('s.x');
  const tier = entry.ticketTypeId
    ? await tx
        .selectFrom('ticketTypes')
        .select('seatCategory')
        .where('id', '=', entry.ticketTypeId)
        .executeTakeFirst()
    : undefined;
  // A seated tier sells one category of seats.
  if (tier?.seatCategory) query = query.where('s.category', '=', tier.seatCategory);
  return query.execute();
}

/** The offer lasts `minutes`, not the offering's checkout hold time: hold and claimed rows alike. */
async function keepOfferFor(tx: Tx, holdId: string, minutes: number): Promise<Date> {
  const until = sql<Date>`now() + make_interval(mins => ${minutes})`;
  const { expiresAt } = await tx
    .updateTable('holds')
    .set({ expiresAt: until, source: 'waitlist' })
    .where('id', '=', holdId)
    .returning('expiresAt')
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('occurrenceSeats')
    .set({ heldUntil: expiresAt })
    .where('holdId', '=', holdId)
    .where('status', '=', 'held')
    .execute();
  await tx
    .updateTable('ticketUnits')
    .set({ heldUntil: expiresAt })
    .where('holdId', '=', holdId)
    .where('status', '=', 'held')
    .execute();
  return expiresAt;
}
