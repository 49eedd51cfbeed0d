import { checkout } from '@tessera/api/domain/bookings/checkout';
import { markOfflinePaymentPaid } from '@tessera/api/domain/bookings/mark-paid';
import { createHold } from '@tessera/api/domain/holds/create';
import { offlinePayments } from '@tessera/api/domain/payments/offline';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMailingWorker, type MailingWorker } from './test-support';

const events = { changed: () => undefined };

let worker: MailingWorker;

beforeAll(async () => {
  worker = await startMailingWorker('paid-emails');
});
afterAll(() => worker.close());

/** A customer books a €45 seat to pay at the venue: pending until staff mark it paid. */
async function bookToPayAtVenue() {
  const db = worker.testDb.db;
  const org = await createOrg(db, { name: 'Harbour Arts', timeZone: 'Europe/Paris' });
  const venue = await createVenue(db, { org, name: 'Pier Hall', timeZone: 'Europe/Paris' });
  const offering = await createOffering(db, { org, venue, name: 'Harbour Jazz Night' });
  await createTicketType(db, {
    offering,
    name: 'Stalls',
    seatCategory: 'standard',
    priceAmount: 4500,
  });
  const { seatMap, seats } = await createSeatMap(db, {
    org,
    venue,
    sections: [{ name: 'Stalls', rows: 1, seatsPerRow: 1, category: 'standard' }],
  });
  const occurrence = await createOccurrence(db, {
    offering,
    seatMap,
    startsAt: new Date(Date.now() + 10 * 86_400_000),
  });
  const hold = await createHold(
    db,
    { occurrenceId: occurrence.id, seatIds: seats.map((seat) => seat.id) },
    { clientKey: 'user:paid-emails', userId: null, source: 'customer' },
    { events, policy: { maxLiveHoldsPerClient: 0 } },
  );
  const booked = await checkout(
    db,
    {
      holdId: hold.holdId,
      idempotencyKey: `paid-${hold.holdId}`,
      contact: { name: 'Zoë Ødegård', email: 'zoe@example.test' },
    },
    { userId: null, channel: 'web', apiKeyId: null, createdByUserId: null },
    { provider: offlinePayments, events },
  );
  expect(booked.status).toBe('pending_payment');
  return { orgId: org.id, reference: booked.reference };
}

/** Every outbox row relayed and every notification job done: nothing more will be sent. */
async function allSent() {
  await vi.waitFor(
    async () => {
      const pending = await worker.testDb.db
        .selectFrom('outbox')
        .select('id')
        .where('relayedAt', 'is', null)
        .execute();
      expect(pending).toEqual([]);
      expect(
        await worker.running.queues.notifications.getJobCounts('waiting', 'active', 'delayed'),
      ).toEqual({ waiting: 0, active: 0, delayed: 0 });
    },
    { timeout: 15_000, interval: 50 },
  );
}

describe('a booking paid at the venue', () => {
  it('gets one email, the confirmation, which says what was paid', async () => {
    const { orgId, reference } = await bookToPayAtVenue();
    const staff = {
      orgId,
      role: 'agent' as const,
      actor: { userId: null, apiKeyId: null, label: 'desk@harbour.test' },
    };
    const deps = { events, requestId: 'paid-emails' };
    expect(await markOfflinePaymentPaid(worker.testDb.db, reference, staff, deps)).toEqual({
      outcome: 'confirmed',
    });
    // Clicked twice at the desk: nothing more.
    await markOfflinePaymentPaid(worker.testDb.db, reference, staff, deps);

    await vi.waitFor(
      () =>
        expect(
          worker.smtp.received.filter((mail) => mail.subject?.includes(reference)),
        ).toHaveLength(1),
      { timeout: 15_000, interval: 50 },
    );
    await allSent();
    const mails = worker.smtp.received.filter((mail) => mail.subject?.includes(reference));
    expect(mails.map((mail) => mail.subject)).toEqual([
      `Booking ${reference} confirmed: Harbour Jazz Night`,
    ]);
    expect(mails[0]?.text).toContain('Paid');
    expect(mails[0]?.text).toContain('€45.00');
  });
});
