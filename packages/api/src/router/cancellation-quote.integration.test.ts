import { randomUUID } from 'node:crypto';
import { createStaffUser, createUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, seatedOccurrence } from '../testing/engine-fixtures';

let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };
const contact = { name: 'Lina Cherif', email: 'lina@example.test' };

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
});
afterAll(() => t.close());

/** A 45.00 EUR seat booked for pay-at-venue, then marked paid by staff. */
async function paidBooking({
  cutoffHours = 24,
  userId,
}: { cutoffHours?: number; userId?: string } = {}) {
  const { org, offering, occurrence, seats } = await seatedOccurrence(t.db, {
    rows: 1,
    seatsPerRow: 2,
  });
  await t.db
    .updateTable('offerings')
    .set({ cancellationCutoffHours: cutoffHours })
    .where('id', '=', offering.id)
    .execute();
  const api = await t.caller({ ...noLimits, userId });
  const hold = await api.holds.create({ occurrenceId: occurrence.id, seatIds: [at(seats, 0).id] });
  const { reference } = await api.bookings.checkout({
    holdId: hold.holdId,
    idempotencyKey: `key-${randomUUID()}`,
    contact,
  });
  const { user: agent } = await createStaffUser(t.db, { org, role: 'agent' });
  await (await t.caller({ userId: agent.id })).staff.bookings.markPaid({ reference });
  return { reference, occurrence };
}

describe('bookings.cancellationQuote', () => {
  it('tells the guest the refund before they cancel, and changes nothing', async () => {
    const { reference, occurrence } = await paidBooking();
    const guest = await t.caller();
    const quote = await guest.bookings.cancellationQuote({ reference, email: contact.email });
    expect(quote).toEqual({
      cancellable: true,
      until: new Date(occurrence.startsAt.getTime() - 24 * 3_600_000),
      refund: { amount: 4500, currency: 'EUR' },
      reason: null,
    });
    const booking = await guest.bookings.byReference({ reference, email: contact.email });
    expect(booking.status).toBe('confirmed');

    // The quote is what cancelling then refunds.
    await guest.bookings.cancel({ reference, email: contact.email });
    const refunds = await t.db
      .selectFrom('refunds')
      .innerJoin('bookings', 'bookings.id', 'refunds.bookingId')
      .select('refunds.amount')
      .where('bookings.reference', '=', reference)
      .execute();
    expect(refunds).toEqual([{ amount: 4500 }]);
    expect(
      await guest.bookings.cancellationQuote({ reference, email: contact.email }),
    ).toMatchObject({
      cancellable: false,
      refund: { amount: 0, currency: 'EUR' },
      reason: 'This booking is already cancelled.',
    });
  });

  it('says why after the cut-off, with nothing to refund online', async () => {
    const { reference } = await paidBooking({ cutoffHours: 24 * 365 });
    const quote = await (
      await t.caller()
    ).bookings.cancellationQuote({ reference, email: contact.email });
    expect(quote).toMatchObject({
      cancellable: false,
      refund: { amount: 0 },
      reason: 'This booking can no longer be cancelled online. Please contact the organiser.',
    });
  });

  it('answers the signed-in customer for their own booking only, and a guest only with the right email', async () => {
    const customer = await createUser(t.db);
    const { reference } = await paidBooking({ userId: customer.id });
    expect(
      await (await t.caller({ userId: customer.id })).bookings.cancellationQuote({ reference }),
    ).toMatchObject({ cancellable: true, refund: { amount: 4500 } });

    const stranger = await createUser(t.db);
    await expect(
      (await t.caller({ userId: stranger.id })).bookings.cancellationQuote({ reference }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No booking matches this reference and email.',
    });
    await expect(
      (await t.caller()).bookings.cancellationQuote({ reference, email: 'other@example.test' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      (await t.caller()).bookings.cancellationQuote({ reference }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Give the email the booking was made with.',
    });
  });

  it('answers a malformed reference at the field', async () => {
    const { status, body } = await t.http(
      'bookings.cancellationQuote',
      { reference: 'no!', email: contact.email },
      { method: 'GET' },
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({
      reference: ['A booking reference is 6 to 12 letters and digits'],
    });
  });
});
