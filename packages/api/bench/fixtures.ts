import type { Db } from '@tessera/db';
import { createOffering, createOrg, createResource, weeklyHours } from '@tessera/db/seed';
import { sql } from 'kysely';
import { at, generalAdmission, seatedOccurrence } from '../src/testing/engine-fixtures';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * A concert date of 2,000 seats (40 rows of 50) by default, one price tier; the on-sale
 * phase uses a stadium of 20,000 so that no seat is asked for twice.
 */
export async function seatedBenchOccurrence(db: Db, { rows = 40, seatsPerRow = 50 } = {}) {
  const seated = await seatedOccurrence(db, { rows, seatsPerRow });
  return {
    orgId: seated.org.id,
    offeringId: seated.offering.id,
    occurrenceId: seated.occurrence.id,
    seatIds: seated.seats.map((seat) => seat.id),
  };
}

/** Holds the baseline claims are made for: one per client, as the engine has one per claim. */
export async function baselineHolds(
  db: Db,
  seated: { orgId: string; offeringId: string; occurrenceId: string },
  count: number,
) {
  const rows = await db
    .insertInto('holds')
    .values(
      Array.from({ length: count }, (_, client) => ({
        orgId: seated.orgId,
        offeringId: seated.offeringId,
        occurrenceId: seated.occurrenceId,
        clientKey: `bench:baseline:${client}`,
        expiresAt: new Date(Date.now() + DAY_MS),
        currency: 'EUR',
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Any element; the caller's list is never empty. */
export const pick = <T>(items: readonly T[]): T =>
  at(items, Math.floor(Math.random() * items.length));

/** One general-admission ticket type of `quota` units. */
export async function generalAdmissionBenchOccurrence(db: Db, quota: number) {
  const ga = await generalAdmission(db, { quota });
  return { occurrenceId: ga.occurrence.id, ticketTypeId: ga.ticketType.id, quota };
}

export interface SlotHistoryOptions {
  resources: number;
  slotsPerResource: number;
  /** Reservations put on the measured resource inside the measured week. */
  inMeasuredWeek: number;
}

/**
 * An appointment offering delivered by `resources` courts with a long booking history:
 * `resources x slotsPerResource` live reservations of one hour every three hours, all before
 * today, plus a few on the measured resource in the measured week (next week, UTC days).
 */
export async function slotHistory(db: Db, options: SlotHistoryOptions) {
  const org = await createOrg(db, { timeZone: 'UTC' });
  const hours = weeklyHours({ 'mon-sun': ['08:00', '22:00'] });
  const { resource } = await createResource(db, { org, kind: 'court', name: 'Court 1', hours });
  await sql`
    WITH more AS (
      INSERT INTO resources (org_id, kind, name, time_zone)
      SELECT ${org.id}, 'court', 'Court ' || n, 'UTC' FROM generate_series(2, ${options.resources}) AS n
      RETURNING id
    )
    INSERT INTO availability_rules (org_id, resource_id, weekday, opens_at, closes_at)
    SELECT ${org.id}, more.id, d, '08:00', '22:00' FROM more, generate_series(1, 7) AS d
  `.execute(db);
  const offering = await createOffering(db, {
    org,
    kind: 'appointment',
    name: 'Court hire',
    slotMinutes: 60,
  });
  await sql`
    INSERT INTO offering_resources (org_id, offering_id, resource_id)
    SELECT org_id, ${offering.id}, id FROM resources WHERE org_id = ${org.id}
  `.execute(db);

  // Every reservation needs a hold or a booking: one long-lived hold carries the history.
  const farFuture = new Date(Date.now() + 3_650 * DAY_MS);
  const hold = await db
    .insertInto('holds')
    .values({
      orgId: org.id,
      offeringId: offering.id,
      clientKey: 'bench:history',
      expiresAt: farFuture,
      currency: org.currency,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const historyStart = new Date(
    today.getTime() - (options.slotsPerResource * 3 * HOUR_MS + DAY_MS),
  );
  const started = performance.now();
  // The rows are valid by construction (one org, its resources, offering and hold): replica
  // mode skips the three foreign-key triggers per row (about half the load time); the
  // exclusion constraint is still checked and its index built row by row.
  await db.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await sql`
      INSERT INTO slot_reservations (org_id, resource_id, offering_id, hold_id, starts_at, ends_at, period, held_until)
      SELECT ${org.id}, r.id, ${offering.id}, ${hold.id}, s, s + interval '1 hour', tstzrange(s, s + interval '1 hour'), ${farFuture}
      FROM resources r,
           generate_series(0, ${options.slotsPerResource - 1}) AS i,
           LATERAL (SELECT ${historyStart}::timestamptz + i * interval '3 hours' AS s) AS slot
      WHERE r.org_id = ${org.id}
    `.execute(tx);
  });

  const weekFrom = new Date(today.getTime() + 7 * DAY_MS);
  const weekTo = new Date(weekFrom.getTime() + 7 * DAY_MS);
  await sql`
    INSERT INTO slot_reservations (org_id, resource_id, offering_id, hold_id, starts_at, ends_at, period, held_until)
    SELECT ${org.id}, ${resource.id}, ${offering.id}, ${hold.id}, s, s + interval '1 hour', tstzrange(s, s + interval '1 hour'), ${farFuture}
    FROM (SELECT ${weekFrom}::timestamptz + d * interval '1 day' + interval '10 hours' AS s
          FROM generate_series(0, ${options.inMeasuredWeek - 1}) AS d) AS slot
  `.execute(db);
  await sql`ANALYZE slot_reservations`.execute(db);
  const { total } = await db
    .selectFrom('slotReservations')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return {
    offeringId: offering.id,
    resourceId: resource.id,
    from: weekFrom,
    to: weekTo,
    rows: total,
    insertSeconds: (performance.now() - started) / 1000,
  };
}
