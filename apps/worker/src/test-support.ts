/** Helpers for the worker's integration tests: a real SMTP peer and booking rows with outbox events. */
import { enqueueOutbox, type OutboxEvent } from '@tessera/api/domain/shared/outbox';
import type { Db } from '@tessera/db';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createVenue,
} from '@tessera/db/seed';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { offlinePayments } from '@tessera/api/domain/payments/offline';
import { createTestDatabase, testEnv, type TestDatabase } from '@tessera/db/testing';
import { startJobs, type RunningJobs } from './jobs';
import { createLogger, type Logger } from './log';
import { createSmtpTransport } from './mailer';
import { createRedisConnection } from './redis';

export interface SmtpPeer {
  url: string;
  received: ParsedMail[];
  close(): Promise<void>;
}

/** An SMTP server on loopback that parses every message it accepts. */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('SMTP peer has no TCP port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Unique per test file and run: parallel runs never share BullMQ keys. */
export function uniquePrefix(name: string): string {
  return `tessera-test-${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Warnings and errors only: the tests' own output stays readable. */
export const quietLog: Logger = createLogger('warn', 'worker (test)');

export interface MailingWorker {
  testDb: TestDatabase;
  smtp: SmtpPeer;
  running: RunningJobs;
  close(): Promise<void>;
}

/**
 * The worker's jobs on a test database of their own, emailing a real SMTP peer (payments
 * offline); `close` stops them and leaves nothing of the run in Redis.
 */
export async function startMailingWorker(name: string): Promise<MailingWorker> {
  const prefix = uniquePrefix(name);
  const testDb = await createTestDatabase({ poolSize: 4 });
  const smtp = await startSmtpPeer();
  const transport = createSmtpTransport(smtp.url, 'Harbour Arts <tickets@harbour.test>');
  const running = await startJobs({
    db: testDb.db,
    redisUrl: testEnv.TEST_REDIS_URL,
    prefix,
    transport,
    payments: { stripe: null, provider: offlinePayments },
    log: quietLog,
    relayPollIntervalMs: 50,
  });
  return {
    testDb,
    smtp,
    running,
    async close() {
      await running.close();
      const redis = createRedisConnection(testEnv.TEST_REDIS_URL, 'worker', quietLog);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      transport.close();
      await smtp.close();
      await testDb.drop();
    },
  };
}

export interface SeededBooking {
  orgId: string;
  bookingId: string;
  reference: string;
  offeringName: string;
}

let referenceCounter = 0;

/**
 * A confirmed booking for a date at a venue in New York, inserted directly, with the
 * `booking.confirmed` outbox event written through the API's own `enqueueOutbox`.
 */
export async function seedConfirmedBooking(
  db: Db,
  startsAt: Date,
): Promise<SeededBooking & { outboxId: number }> {
  const org = await createOrg(db, {
    name: 'Harbour Arts',
    currency: 'USD',
    timeZone: 'America/New_York',
  });
  const venue = await createVenue(db, { org, name: 'Pier 17 Hall', timeZone: 'America/New_York' });
  const offering = await createOffering(db, { org, venue, name: 'Harbour Jazz Night' });
  const occurrence = await createOccurrence(db, { offering, startsAt });
  referenceCounter += 1;
  const reference = `TST${process.pid % 1000}${referenceCounter}`.slice(0, 12).padEnd(6, '7');
  const booking = await db
    .insertInto('bookings')
    .values({
      orgId: org.id,
      reference,
      offeringId: offering.id,
      occurrenceId: occurrence.id,
      status: 'confirmed',
      confirmedAt: new Date(),
      contactName: 'Ada Lovelace',
      contactEmail: 'ada@example.test',
      subtotalAmount: 4_500,
      totalAmount: 4_500,
      paidAmount: 4_500,
      currency: 'USD',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const outboxId = await addOutboxEvent(db, {
    orgId: org.id,
    aggregateType: 'booking',
    aggregateId: booking.id,
    eventType: 'booking.confirmed',
    payload: { reference, occurrenceId: occurrence.id, email: 'ada@example.test' },
  });
  return { orgId: org.id, bookingId: booking.id, reference, offeringName: offering.name, outboxId };
}

/** Writes one event the way the API does, and returns its outbox id. */
export async function addOutboxEvent(db: Db, event: OutboxEvent): Promise<number> {
  await db.transaction().execute((tx) => enqueueOutbox(tx, [event]));
  const row = await db
    .selectFrom('outbox')
    .select('id')
    .where('aggregateId', '=', event.aggregateId)
    .where('eventType', '=', event.eventType)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TicketedBooking extends SeededBooking {
  occurrenceId: string;
  ticketCodes: string[];
  outboxId: number;
}

/**
 * A booking of two seats in New York with their tickets and attendees, confirmed at
 * `confirmedAt` (a week ago by default), and its `booking.confirmed` outbox event, all in
 * one transaction as the engine writes them. `phone` is the contact's phone, if any.
 */
export async function seedTicketedBooking(
  db: Db,
  startsAt: Date,
  {
    phone = null,
    confirmedAt = new Date(Date.now() - 7 * 86_400_000),
  }: {
    phone?: string | null;
    confirmedAt?: Date;
  } = {},
): Promise<TicketedBooking> {
  const org = await createOrg(db, {
    name: 'Harbour Arts',
    currency: 'USD',
    timeZone: 'America/New_York',
  });
  const venue = await createVenue(db, {
    org,
    name: 'Pier 17 Hall',
    addressLine: '89 South Street',
    city: 'New York',
    country: 'US',
    timeZone: 'America/New_York',
  });
  const offering = await createOffering(db, { org, venue, name: 'Harbour Jazz Night' });
  const { seatMap, seats } = await createSeatMap(db, {
    org,
    venue,
    sections: [{ name: 'Balcony', rows: 1, seatsPerRow: 2, category: 'standard' }],
  });
  const occurrence = await createOccurrence(db, { offering, seatMap, startsAt });
  referenceCounter += 1;
  const reference = `TK${process.pid % 1000}${referenceCounter}`.slice(0, 12).padEnd(6, '8');
  const ticketCodes = seats.map((_, index) => `${reference}T${index}`.padEnd(12, 'X'));
  return db.transaction().execute(async (tx) => {
    const booking = await tx
      .insertInto('bookings')
      .values({
        orgId: org.id,
        reference,
        offeringId: offering.id,
        occurrenceId: occurrence.id,
        status: 'confirmed',
        confirmedAt,
        contactName: 'Ada Lovelace',
        contactEmail: 'ada@example.test',
        contactPhone: phone,
        subtotalAmount: 9_000,
        totalAmount: 9_000,
        paidAmount: 9_000,
        currency: 'USD',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const names = ['Ada Lovelace', 'Charles Babbage'];
    for (const [index, seat] of seats.entries()) {
      const item = await tx
        .insertInto('bookingItems')
        .values({
          orgId: org.id,
          bookingId: booking.id,
          position: index,
          kind: 'seat',
          description: `Seat ${seat.rowLabel}${seat.number}`,
          occurrenceId: occurrence.id,
          seatId: seat.id,
          unitAmount: 4_500,
          totalAmount: 4_500,
          currency: 'USD',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const attendee = await tx
        .insertInto('attendees')
        .values({
          orgId: org.id,
          bookingId: booking.id,
          position: index,
          name: names[index] ?? 'Guest',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('tickets')
        .values({
          orgId: org.id,
          bookingId: booking.id,
          bookingItemId: item.id,
          attendeeId: attendee.id,
          occurrenceId: occurrence.id,
          code: ticketCodes[index] ?? '',
        })
        .execute();
    }
    await enqueueOutbox(tx, [
      {
        orgId: org.id,
        aggregateType: 'booking',
        aggregateId: booking.id,
        eventType: 'booking.confirmed',
        payload: { reference, occurrenceId: occurrence.id, email: 'ada@example.test' },
      },
    ]);
    const { id: outboxId } = await tx
      .selectFrom('outbox')
      .select('id')
      .where('aggregateId', '=', booking.id)
      .executeTakeFirstOrThrow();
    return {
      orgId: org.id,
      bookingId: booking.id,
      reference,
      offeringName: offering.name,
      occurrenceId: occurrence.id,
      ticketCodes,
      outboxId,
    };
  });
}
