import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from './client';
import { PG_ERRORS } from './errors';
import { migrateToLatest, migrations } from './migrate';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createResource,
  createSeatMap,
  createTicketType,
  createVenue,
  type OfferingRow,
  type OrgRow,
} from './seed';
import { childProcessEnv, createTestDatabase, testEnv, type TestDatabase } from './testing';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test.drop();
});

/** The database must refuse with this SQLSTATE and this constraint, not merely fail. */
async function expectViolation(operation: Promise<unknown>, code: string, constraint: string): Promise<void> {
  await expect(operation).rejects.toMatchObject({ code, constraint });
}

const HOUR = 3_600_000;

describe('migrations', () => {
  it('apply to an empty database and create the tables, constraints and extensions', async () => {
    const name = `tessera_test_empty_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: testEnv.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(testEnv.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const db = createDb(url.toString(), { max: 1 });
    try {
      const results = await migrateToLatest(db);
      expect(results.map((result) => [result.migrationName, result.status])).toEqual(
        Object.keys(migrations).map((migration) => [migration, 'Success']),
      );
      expect(await migrateToLatest(db)).toEqual([]); // idempotent: nothing left to run

      const { rows: tables } = await sql<{ name: string }>`
        SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      `.execute(db);
      expect(tables.map((table) => table.name)).toEqual(
        expect.arrayContaining([
          'orgs', 'users', 'memberships', 'venues', 'resources', 'availability_rules', 'offerings',
          'seat_maps', 'seats', 'occurrences', 'occurrence_seats', 'ticket_types', 'occurrence_ticket_types',
          'holds', 'bookings', 'slot_reservations', 'payments', 'refunds', 'payment_events', 'outbox',
        ]),
      );
      const { rows: constraints } = await sql<{ name: string; type: string }>`
        SELECT conname AS name, contype AS type FROM pg_constraint
        WHERE conname IN ('slot_reservations_no_overlap', 'ticket_units_pkey',
                          'occurrence_seats_pkey', 'payment_events_provider_provider_event_id_key')
      `.execute(db);
      expect(Object.fromEntries(constraints.map((row) => [row.name, row.type]))).toEqual({
        slot_reservations_no_overlap: 'x',
        ticket_units_pkey: 'p',
        occurrence_seats_pkey: 'p',
        payment_events_provider_provider_event_id_key: 'u',
      });
      const { rows: extensions } = await sql<{ name: string }>`SELECT extname AS name FROM pg_extension`.execute(db);
      expect(extensions.map((row) => row.name)).toEqual(expect.arrayContaining(['btree_gist', 'pgcrypto']));
    } finally {
      await db.destroy();
      // Without FORCE: PostgreSQL waits for the pool's closing backends instead of killing them.
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    }
  });

  it('match the generated schema.ts (kysely-codegen --verify)', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const databaseUrl = new URL(testEnv.TEST_DATABASE_URL);
    const run = promisify(execFile);
    const { stderr } = await run('pnpm', ['exec', 'tsx', 'src/scripts/codegen.ts', '--verify'], {
      cwd: root,
      env: childProcessEnv({ DATABASE_URL: databaseUrl.toString() }),
    });
    expect(stderr).not.toMatch(/error/i);
  }, 120_000);
});

describe('the schema refuses bad data', () => {
  let org: OrgRow;
  let other: OrgRow;
  let event: OfferingRow;

  beforeAll(async () => {
    org = await createOrg(test.db);
    other = await createOrg(test.db);
    event = await createOffering(test.db, { org });
  });

  it('keeps live slot reservations of one resource from overlapping; released ones do not block', async () => {
    const { resource } = await createResource(test.db, { org, kind: 'court' });
    const courts = await createOffering(test.db, { org, kind: 'appointment', resources: [resource] });
    const hold = await test.db
      .insertInto('holds')
      .values({ orgId: org.id, offeringId: courts.id, clientKey: 'test', expiresAt: new Date(Date.now() + 600_000), currency: 'EUR' })
      .returningAll()
      .executeTakeFirstOrThrow();
    const start = new Date('2031-06-02T08:00:00Z');
    const reserve = (from: Date, minutes: number, bufferMinutes = 10) => {
      const endsAt = new Date(from.getTime() + minutes * 60_000);
      const keptUntil = new Date(endsAt.getTime() + bufferMinutes * 60_000);
      return test.db
        .insertInto('slotReservations')
        .values({
          orgId: org.id,
          resourceId: resource.id,
          offeringId: courts.id,
          holdId: hold.id,
          heldUntil: hold.expiresAt,
          startsAt: from,
          endsAt,
          period: sql`tstzrange(${from}, ${keptUntil})`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    };

    const first = await reserve(start, 60);
    // 09:00 starts inside the 10-minute buffer kept after the 08:00 slot.
    await expectViolation(reserve(new Date(start.getTime() + HOUR), 60), PG_ERRORS.exclusionViolation, 'slot_reservations_no_overlap');
    await expect(reserve(new Date(start.getTime() + HOUR + 10 * 60_000), 60)).resolves.toBeDefined();

    await test.db.updateTable('slotReservations').set({ releasedAt: new Date() }).where('id', '=', first.id).execute();
    await expect(reserve(start, 60, 0)).resolves.toBeDefined();
  });

  it('refuses a negative price', async () => {
    await expectViolation(
      createTicketType(test.db, { offering: event, priceAmount: -1 }),
      PG_ERRORS.checkViolation,
      'ticket_types_price_amount_check',
    );
  });

  it('refuses the same seat twice in an occurrence', async () => {
    const { seatMap, seats } = await createSeatMap(test.db, {
      org,
      sections: [{ name: 'Floor', rows: 2, seatsPerRow: 3, category: 'standard' }],
    });
    const occurrence = await createOccurrence(test.db, { offering: event, seatMap });
    const [seat] = seats;
    if (!seat) throw new Error('no seat generated');
    await expectViolation(
      test.db
        .insertInto('occurrenceSeats')
        .values({ orgId: org.id, occurrenceId: occurrence.id, seatId: seat.id })
        .execute(),
      PG_ERRORS.uniqueViolation,
      'occurrence_seats_pkey',
    );
  });

  it("refuses references to another org's rows", async () => {
    const { seatMap: foreignSeatMap } = await createSeatMap(test.db, {
      org: other,
      sections: [{ name: 'Floor', rows: 1, seatsPerRow: 2, category: 'standard' }],
    });
    const foreignOffering = await createOffering(test.db, { org: other });
    const startsAt = new Date(Date.now() + 30 * 24 * HOUR);
    const occurrence = (offeringId: string, seatMapId: string | null) =>
      test.db
        .insertInto('occurrences')
        .values({ orgId: org.id, offeringId, seatMapId, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), capacity: 2 })
        .execute();

    await expectViolation(occurrence(event.id, foreignSeatMap.id), PG_ERRORS.foreignKeyViolation, 'occurrences_org_id_seat_map_id_fkey');
    await expectViolation(occurrence(foreignOffering.id, null), PG_ERRORS.foreignKeyViolation, 'occurrences_org_id_offering_id_fkey');
  });

  it('stocks a general-admission quota as one unit row each, never the same unit twice', async () => {
    const gig = await createOffering(test.db, { org });
    const earlyBird = await createTicketType(test.db, { offering: gig, name: 'Early bird', quotaPerOccurrence: 3 });
    const occurrence = await createOccurrence(test.db, { offering: gig, capacity: 3 });
    const units = await test.db
      .selectFrom('ticketUnits')
      .select(['unitNo', 'status'])
      .where('occurrenceId', '=', occurrence.id)
      .orderBy('unitNo')
      .execute();
    expect(units).toEqual([1, 2, 3].map((unitNo) => ({ unitNo, status: 'free' })));

    await expectViolation(
      test.db
        .insertInto('ticketUnits')
        .values({ orgId: org.id, occurrenceId: occurrence.id, ticketTypeId: earlyBird.id, unitNo: 2 })
        .execute(),
      PG_ERRORS.uniqueViolation,
      'ticket_units_pkey',
    );
    // A unit cannot be sold without a booking, nor held without a hold.
    await expectViolation(
      test.db.updateTable('ticketUnits').set({ status: 'sold' }).where('occurrenceId', '=', occurrence.id).execute(),
      PG_ERRORS.checkViolation,
      'ticket_units_sold_to_a_booking',
    );
  });

  it('refuses a refund above what was paid', async () => {
    const booking = (paidAmount: number, refundedAmount: number) =>
      test.db
        .insertInto('bookings')
        .values({
          orgId: org.id,
          reference: `R${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
          offeringId: event.id,
          status: 'refunded',
          contactName: 'Ada',
          contactEmail: 'ada@example.test',
          subtotalAmount: 5000,
          totalAmount: 5000,
          paidAmount,
          refundedAmount,
          currency: 'EUR',
        })
        .execute();
    await expect(booking(5000, 5000)).resolves.toBeDefined();
    await expectViolation(booking(5000, 5001), PG_ERRORS.checkViolation, 'bookings_refunded_within_paid');
  });

  it.each(['Europe/Pariss', 'Mars/Olympus', 'GMT+5', 'Foo+3', 'PST', 'europe/paris', '+02:00', ''])(
    'refuses the time zone %j on a venue',
    async (timeZone) => {
      await expectViolation(createVenue(test.db, { org, timeZone }), PG_ERRORS.checkViolation, 'venues_time_zone_check');
    },
  );

  it.each(['Europe/Paris', 'Africa/Algiers', 'America/New_York', 'UTC', 'Etc/GMT+5'])(
    'accepts the IANA zone %j',
    async (timeZone) => {
      await expect(createVenue(test.db, { org, timeZone })).resolves.toMatchObject({ timeZone });
    },
  );
});

describe('outbox wake-up', () => {
  /** Inserts one outbox row of `eventType` and says whether a listener was notified. */
  async function notifies(eventType: string): Promise<boolean> {
    const listener = new pg.Client({ connectionString: test.url });
    await listener.connect();
    try {
      const received: string[] = [];
      listener.on('notification', (message) => received.push(message.channel));
      await listener.query('LISTEN tessera_outbox');
      await test.db
        .insertInto('outbox')
        .values({ aggregateType: 'test', aggregateId: 'x', eventType, payload: JSON.stringify({}) })
        .execute();
      // A round trip on the listener after the insert's commit: any notification is in by then.
      await listener.query('SELECT 1');
      return received.includes('tessera_outbox');
    } finally {
      await listener.end();
    }
  }

  it('wakes the relay for events someone waits on, not for inventory churn', async () => {
    expect(await notifies('booking.confirmed')).toBe(true);
    expect(await notifies('booking.payment_failed')).toBe(true);
    expect(await notifies('inventory.released')).toBe(false);
    expect(await notifies('hold.expired')).toBe(false);
  });
});
