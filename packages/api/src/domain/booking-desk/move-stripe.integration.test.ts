import { createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../../testing/api-test';
import { siteBooking } from '../../testing/desk-bookings';
import { at, twoTierTheatre } from '../../testing/engine-fixtures';
import { setupStripe } from '../../testing/stripe';

let t: ApiTest;
let s: Awaited<ReturnType<typeof setupStripe>>;

beforeAll(async () => {
  t = await setupApiTest();
  s = await setupStripe(t.db, { changed: () => undefined });
});
afterAll(async () => {
  await s.close();
  await t.close();
});

const money = (reference: string) =>
  t.db
    .selectFrom('bookings')
    .select(['status', 'totalAmount', 'paidAmount', 'refundedAmount'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();

describe('moving a booking paid by card', () => {
  it('a dearer seat is paid through the payment link, a cheaper one refunded through Stripe', async () => {
    const { org, occurrence, standard, premium } = await twoTierTheatre(t.db);
    const { reference, paymentUrl, itemIds } = await siteBooking(
      t,
      { occurrenceId: occurrence.id, seatIds: [at(standard, 0).id] },
      { payments: s.provider },
    );
    await s.control(`sessions/${paymentUrl?.split('/pay/')[1] ?? ''}/pay`);
    expect(await money(reference)).toMatchObject({ status: 'confirmed', paidAmount: 4500 });

    const agent = (await createStaffUser(t.db, { org, role: 'agent' })).user;
    const staff = await t.caller({ userId: agent.id, payments: s.provider });
    const [bookingItemId = ''] = itemIds;
    const up = await staff.staff.bookings.move({
      reference,
      occurrenceId: occurrence.id,
      kind: 'seats',
      seats: [{ bookingItemId, seatId: at(premium, 0).id }],
    });
    expect(up.priceDifference.amount).toBe(2500);
    const link = await staff.staff.bookings.paymentLink({ reference });
    const sessionId = link.url.split('/pay/')[1] ?? '';
    expect(await s.stripe.checkout.sessions.retrieve(sessionId)).toMatchObject({
      amount_total: 2500,
    });
    await s.control(`sessions/${sessionId}/pay`);
    await s.simulator.flushWebhooks();
    expect(await money(reference)).toMatchObject({
      status: 'confirmed',
      totalAmount: 7000,
      paidAmount: 7000,
    });

    const down = await staff.staff.bookings.move({
      reference,
      occurrenceId: occurrence.id,
      kind: 'seats',
      seats: [{ bookingItemId, seatId: at(standard, 1).id }],
    });
    expect(down.priceDifference.amount).toBe(-2500);
    await s.simulator.flushWebhooks();
    expect(await money(reference)).toMatchObject({
      status: 'confirmed',
      totalAmount: 4500,
      paidAmount: 7000,
      refundedAmount: 2500,
    });
  });
});
