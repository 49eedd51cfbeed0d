import { randomUUID } from 'node:crypto';
import { createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../../testing/api-test';
import { at, seatedOccurrence } from '../../testing/engine-fixtures';
import { completeRefund, createRefund, refundablePayment } from '../payments/refunds';

let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
});
afterAll(() => t.close());

/** A pay-at-venue booking that staff mark paid, and the outbox of its booking. */
async function paidAtVenue() {
  const { org, occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 2 });
  const customer = await t.caller(noLimits);
  const hold = await customer.holds.create({
    occurrenceId: occurrence.id,
    seatIds: [at(seats, 0).id],
  });
  const { reference } = await customer.bookings.checkout({
    holdId: hold.holdId,
    idempotencyKey: `key-${randomUUID()}`,
    contact: { name: 'Yanis', email: 'yanis@example.test' },
  });
  const agent = (await createStaffUser(t.db, { org, role: 'agent' })).user;
  const staff = await t.caller({ userId: agent.id });
  const markPaid = () => staff.staff.bookings.markPaid({ reference });
  const booking = await t.db
    .selectFrom('bookings')
    .select(['id', 'orgId'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  const outbox = async () =>
    (
      await t.db
        .selectFrom('outbox')
        .select(['eventType', 'payload'])
        .where('aggregateId', '=', booking.id)
        .orderBy('id')
        .execute()
    ).map((row) => [row.eventType, row.payload]);
  return { booking, markPaid, outbox };
}

describe('booking events that become emails', () => {
  it('writes a receipt when a payment is received, once', async () => {
    const { markPaid, outbox } = await paidAtVenue();
    await markPaid();
    await markPaid();
    expect((await outbox()).map(([type]) => type)).toEqual([
      'booking.payment_requested',
      'booking.confirmed',
      'booking.payment_received',
    ]);
    // The payment that confirmed the booking: its receipt is the confirmation's (not emailed).
    expect((await outbox())[2]?.[1]).toMatchObject({
      amount: 4500,
      currency: 'EUR',
      confirmedBooking: true,
    });
  });

  it('tells the customer when a refund is completed, once, but not for a late payment (it has its own email)', async () => {
    const { booking, markPaid, outbox } = await paidAtVenue();
    await markPaid();
    const refund = (reason: 'staff' | 'late_payment', key: string) =>
      t.db.transaction().execute(async (tx) => {
        const payment = await refundablePayment(tx, booking.id);
        const refundId = await createRefund(tx, {
          orgId: booking.orgId,
          bookingId: booking.id,
          paymentId: payment.id,
          amount: 1000,
          currency: 'EUR',
          reason,
          idempotencyKey: key,
        });
        await completeRefund(tx, refundId, null);
        await completeRefund(tx, refundId, null);
      });
    await refund('staff', 'staff:one');
    await refund('late_payment', 'late:one');
    const refunded = (await outbox()).filter(([type]) => type === 'booking.refunded');
    expect(refunded).toHaveLength(1);
    expect(refunded[0]?.[1]).toMatchObject({ refundAmount: 1000, currency: 'EUR' });
  });
});
