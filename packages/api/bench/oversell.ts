import type { Db } from '@tessera/db';
import { sql } from 'kysely';

export interface StockUnderTest {
  seats: { occurrenceId: string };
  generalAdmission: { occurrenceId: string; ticketTypeId: string; quota: number };
}

export interface OversellFindings {
  /** Seats that two live holds both list. */
  seatsInTwoHolds: number;
  /** Seats a live hold lists whose occurrence_seats row is not held by that hold. */
  seatsNotHeldByTheirHold: number;
  /** Live holds whose general-admission quantity differs from the units they hold. */
  holdsWithWrongUnitCount: number;
  /** Ticket types or occurrences whose held + sold is above capacity. */
  overCapacity: number;
  /** Seats and units still held once every client has released its holds. */
  stillHeld: number;
}

export const oversold = (f: OversellFindings) =>
  f.seatsInTwoHolds + f.seatsNotHeldByTheirHold + f.holdsWithWrongUnitCount + f.overCapacity;

/** Reads the inventory in one snapshot (REPEATABLE READ), so a check mid-load is consistent. */
export async function findOversell(db: Db, stock: StockUnderTest): Promise<OversellFindings> {
  const seatOccurrence = stock.seats.occurrenceId;
  const ga = stock.generalAdmission;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
        Number((await query.execute(tx)).rows[0]?.n ?? 0);
      return {
        seatsInTwoHolds: await count(sql<{ n: number }>`
          SELECT count(*) AS n FROM (
            SELECT hi.seat_id FROM hold_items hi JOIN holds h ON h.id = hi.hold_id
            WHERE h.occurrence_id = ${seatOccurrence} AND h.status = 'active' AND hi.kind = 'seat'
            GROUP BY hi.seat_id HAVING count(*) > 1
          ) AS doubled`),
        seatsNotHeldByTheirHold: await count(sql<{ n: number }>`
          SELECT count(*) AS n FROM hold_items hi
          JOIN holds h ON h.id = hi.hold_id
          LEFT JOIN occurrence_seats os ON os.occurrence_id = h.occurrence_id AND os.seat_id = hi.seat_id
          WHERE h.occurrence_id = ${seatOccurrence} AND h.status = 'active' AND hi.kind = 'seat'
            AND (os.hold_id IS DISTINCT FROM h.id OR os.status <> 'held')`),
        holdsWithWrongUnitCount: await count(sql<{ n: number }>`
          SELECT count(*) AS n FROM (
            SELECT h.id, sum(hi.quantity) AS quantity,
                   (SELECT count(*) FROM ticket_units u WHERE u.hold_id = h.id AND u.status = 'held') AS units
            FROM holds h JOIN hold_items hi ON hi.hold_id = h.id AND hi.kind = 'ticket'
            WHERE h.occurrence_id = ${ga.occurrenceId} AND h.status = 'active'
            GROUP BY h.id
          ) AS per_hold WHERE quantity <> units`),
        overCapacity: await count(sql<{ n: number }>`
          SELECT (SELECT count(*) FROM occurrence_stock
                  WHERE occurrence_id IN (${seatOccurrence}, ${ga.occurrenceId}) AND held + sold > capacity)
               + (SELECT count(*) FROM (
                    SELECT coalesce(sum(hi.quantity), 0) AS held FROM hold_items hi JOIN holds h ON h.id = hi.hold_id
                    WHERE h.occurrence_id = ${ga.occurrenceId} AND h.status = 'active' AND hi.ticket_type_id = ${ga.ticketTypeId}
                  ) AS live WHERE held > ${ga.quota}) AS n`),
        stillHeld: await count(sql<{ n: number }>`
          SELECT (SELECT count(*) FROM occurrence_seats WHERE occurrence_id = ${seatOccurrence} AND status <> 'free')
               + (SELECT count(*) FROM ticket_units WHERE occurrence_id = ${ga.occurrenceId} AND status <> 'free') AS n`),
      };
    });
}

/** Checks every `everyMs` while load runs; `stop` returns the worst of what it saw. */
export function watchOversell(db: Db, stock: StockUnderTest, everyMs = 500) {
  let checks = 0;
  let worst = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      worst = Math.max(worst, oversold(await findOversell(db, stock)));
      checks += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { checks, worst };
    },
  };
}
