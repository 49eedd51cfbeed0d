import { createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNotification } from '../domain/notifications/compose';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { siteBooking } from '../testing/desk-bookings';
import { at, twoDateFestival, twoTierTheatre } from '../testing/engine-fixtures';
import { setupStripe } from '../testing/stripe';

let t: ApiTest;
let s: Awaited<ReturnType<typeof setupStripe>>;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await setupApiTest();
  s = await setupStripe(t.db, { changed: () => undefined });
});
afterAll(async () => {
  await s.close();
  await t.close();
});

/** A seat booked and paid by card on the simulator's page, and an agent who works on it. */
async function paidByCard(occurrenceId: string, seatId: string, orgId: string) {
  const booking = await siteBooking(
    t,
    { occurrenceId, seatIds: [seatId] },
    { payments: s.provider },
  );
  await s.control(`sessions/${sessionOf(booking.paymentUrl)}/pay`);
  const agent = (await createStaffUser(t.db, { org: { id: orgId }, role: 'agent' })).user;
  return { ...booking, desk: await t.caller({ userId: agent.id, payments: s.provider }) };
}

const sessionOf = (url: string | null) => url?.split('/pay/')[1] ?? '';

const bookingIdOf = async (reference: string) =>
  (
    await t.db
      .selectFrom('bookings')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
  ).id;

/** The payment link emails queued for a booking, oldest first. */
const linkEmails = async (reference: string) =>
  t.db
    .selectFrom('outbox')
    .select(['id', 'orgId', 'aggregateId', 'payload'])
    .where('aggregateId', '=', await bookingIdOf(reference))
    .where('eventType', '=', 'booking.payment_link_sent')
    .orderBy('id')
    .execute();

const auditedLinks = async (reference: string) =>
  t.db
    .selectFrom('auditLog')
    .select(['actorLabel', 'changes'])
    .where('entityId', '=', await bookingIdOf(reference))
    .where('action', '=', 'booking.payment_link_sent')
    .execute();

const expectDueInHalfAnHour = (dueAt: Date | null, since: number) => {
  expect(dueAt?.getTime()).toBeGreaterThanOrEqual(since + 30 * MINUTE - 1_000);
  expect(dueAt?.getTime()).toBeLessThanOrEqual(Date.now() + 30 * MINUTE + 1_000);
};

describe('the payment link of a balance', () => {
  it('keeps its own deadline, is reissued with a fresh one, emailed again and audited, and pays the balance', async () => {
    const { org, occurrence, standard, premium } = await twoTierTheatre(t.db);
    const { reference, desk, itemIds } = await paidByCard(
      occurrence.id,
      at(standard, 0).id,
      org.id,
    );
    // The booking's own deadline passed long ago (it was paid); a balance must not inherit it.
    await t.db
      .updateTable('bookings')
      .set({ paymentDueAt: new Date(Date.now() - 2 * 24 * 60 * MINUTE) })
      .where('reference', '=', reference)
      .execute();
    await desk.staff.bookings.move({
      kind: 'seats',
      reference,
      occurrenceId: occurrence.id,
      seats: [{ bookingItemId: itemIds[0] ?? '', seatId: at(premium, 0).id }],
    });

    expect(await desk.staff.bookings.detail({ reference })).toMatchObject({
      linkPaymentDue: true,
      offlinePaymentDue: false,
    });
    const since = Date.now();
    const first = await desk.staff.bookings.paymentLink({ reference });
    expectDueInHalfAnHour(first.dueAt, since);
    // Asked again, the same link with the same deadline (it used to answer the booking's).
    expect(await desk.staff.bookings.paymentLink({ reference })).toEqual(first);

    // Time passes: the link lapsed. Resending makes a new one, due half an hour from now.
    await t.db
      .updateTable('payments')
      .set({ dueAt: new Date(Date.now() - MINUTE) })
      .where('checkoutUrl', '=', first.url)
      .execute();
    const resendAt = Date.now();
    const resent = await desk.staff.bookings.resendPaymentLink({ reference });
    expect(resent.url).not.toBe(first.url);
    expect(resent.recipient).toBe('ines@example.test');
    expectDueInHalfAnHour(resent.dueAt, resendAt);
    const payments = await t.db
      .selectFrom('payments as p')
      .innerJoin('bookings as b', 'b.id', 'p.bookingId')
      .select(['p.status', 'p.amount', 'p.checkoutUrl'])
      .where('b.reference', '=', reference)
      .orderBy('p.createdAt')
      .execute();
    expect(payments).toEqual([
      { status: 'succeeded', amount: 4500, checkoutUrl: expect.any(String) as unknown },
      { status: 'cancelled', amount: 2500, checkoutUrl: first.url },
      { status: 'pending', amount: 2500, checkoutUrl: resent.url },
    ]);

    const [email] = await linkEmails(reference);
    expect(email?.payload).toMatchObject({ paymentUrl: resent.url, balanceAmount: 2500 });
    const message = await composeNotification(t.db, {
      outboxId: Number(email?.id),
      orgId: email?.orgId ?? null,
      eventType: 'booking.payment_link_sent',
      bookingId: email?.aggregateId ?? '',
      paymentUrl: resent.url,
      dueAt: resent.dueAt,
      balanceAmount: 2500,
    });
    expect(message?.recipient).toBe('ines@example.test');
    expect(message?.text).toContain('Balance to pay: €25.00');
    expect(message?.text).toContain(`Pay here: ${resent.url}`);
    expect(await auditedLinks(reference)).toEqual([
      expect.objectContaining({
        changes: expect.objectContaining({
          amount: 2500,
          recipient: 'ines@example.test',
        }) as unknown,
      }),
    ]);

    await s.control(`sessions/${sessionOf(resent.url)}/pay`);
    const booking = await desk.staff.bookings.detail({ reference });
    expect(booking).toMatchObject({
      status: 'confirmed',
      paid: 7000,
      total: { amount: 7000 },
      linkPaymentDue: false,
    });
    // Paid: nothing is owed, so there is no link to send.
    await expect(desk.staff.bookings.resendPaymentLink({ reference })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('paid through the link it replaced, the money goes back and the newer link still stands', async () => {
    const { org, occurrence, standard, premium } = await twoTierTheatre(t.db);
    const { reference, desk, itemIds } = await paidByCard(
      occurrence.id,
      at(standard, 0).id,
      org.id,
    );
    await desk.staff.bookings.move({
      kind: 'seats',
      reference,
      occurrenceId: occurrence.id,
      seats: [{ bookingItemId: itemIds[0] ?? '', seatId: at(premium, 0).id }],
    });
    const first = await desk.staff.bookings.paymentLink({ reference });
    await t.db
      .updateTable('payments')
      .set({ dueAt: new Date(Date.now() - MINUTE) })
      .where('checkoutUrl', '=', first.url)
      .execute();
    const resent = await desk.staff.bookings.resendPaymentLink({ reference });

    // The customer pays the old page, still open on the provider.
    await s.control(`sessions/${sessionOf(first.url)}/pay`);
    const refunds = await t.db
      .selectFrom('refunds as r')
      .innerJoin('payments as p', 'p.id', 'r.paymentId')
      .select(['r.amount', 'p.checkoutUrl'])
      .where('r.bookingId', '=', await bookingIdOf(reference))
      .execute();
    expect(refunds).toEqual([{ amount: 2500, checkoutUrl: first.url }]);
    const told = await t.db
      .selectFrom('outbox')
      .select(['id', 'orgId', 'aggregateId', 'payload'])
      .where('aggregateId', '=', await bookingIdOf(reference))
      .where('eventType', '=', 'booking.late_payment_refunded')
      .executeTakeFirstOrThrow();
    expect(told.payload).toMatchObject({ amount: 2500, reason: 'superseded' });
    const message = await composeNotification(t.db, {
      outboxId: Number(told.id),
      orgId: told.orgId,
      eventType: 'booking.late_payment_refunded',
      bookingId: told.aggregateId,
      extras: { refundAmount: 2500, reason: 'superseded' },
    });
    expect(message?.text).toContain('a newer one had replaced');
    // Still confirmed, still owing the balance through the newer link.
    expect(await desk.staff.bookings.detail({ reference })).toMatchObject({
      status: 'confirmed',
      linkPaymentDue: true,
    });

    await s.control(`sessions/${sessionOf(resent.url)}/pay`);
    expect(await desk.staff.bookings.detail({ reference })).toMatchObject({
      status: 'confirmed',
      linkPaymentDue: false,
    });
  });
});

describe('the payment link of a booking waiting for payment', () => {
  it('is the same session, due when the places stop being held, emailed each time it is resent', async () => {
    const { org, occurrence, standard } = await twoTierTheatre(t.db);
    const { reference, paymentUrl } = await siteBooking(
      t,
      { occurrenceId: occurrence.id, seatIds: [at(standard, 0).id] },
      { payments: s.provider },
    );
    const { paymentDueAt } = await t.db
      .selectFrom('bookings')
      .select('paymentDueAt')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    const manager = (await createStaffUser(t.db, { org, role: 'manager' })).user;
    const desk = await t.caller({ userId: manager.id, payments: s.provider });

    const once = await desk.staff.bookings.resendPaymentLink({ reference });
    const twice = await desk.staff.bookings.resendPaymentLink({ reference });
    expect(once).toEqual({
      url: paymentUrl,
      dueAt: paymentDueAt,
      recipient: 'ines@example.test',
    });
    expect(twice).toEqual(once);
    expect(await linkEmails(reference)).toHaveLength(2);
    expect(await auditedLinks(reference)).toHaveLength(2);
  });

  it('moved to dearer tickets, it is repriced: a new link for the new total is emailed', async () => {
    const { org, occurrence, later, standing, vip } = await twoDateFestival(t.db);
    const { reference, paymentUrl, itemIds } = await siteBooking(
      t,
      { occurrenceId: occurrence.id, tickets: [{ ticketTypeId: standing.id, quantity: 2 }] },
      { payments: s.provider },
    );
    const manager = (await createStaffUser(t.db, { org, role: 'manager' })).user;
    const desk = await t.caller({ userId: manager.id, payments: s.provider });

    const moved = await desk.staff.bookings.move({
      kind: 'tickets',
      reference,
      occurrenceId: later.id,
      tickets: [{ bookingItemId: itemIds[0] ?? '', ticketTypeId: vip.id }],
    });
    expect(moved.linkEmailed).toBe(true);
    const [email] = await linkEmails(reference);
    const link = await desk.staff.bookings.paymentLink({ reference });
    expect(link.url).not.toBe(paymentUrl);
    expect(email?.payload).toMatchObject({ paymentUrl: link.url, balanceAmount: null });
    const session = await s.stripe.checkout.sessions.retrieve(sessionOf(link.url));
    expect(session.amount_total).toBe(10000);

    await s.control(`sessions/${session.id}/pay`);
    expect(await desk.staff.bookings.detail({ reference })).toMatchObject({
      status: 'confirmed',
      occurrenceId: later.id,
      paid: 10000,
    });
  });

  it('refuses a booking paid at the venue, roles that do not sell and another org', async () => {
    const { org, occurrence, standard } = await twoTierTheatre(t.db);
    const { reference } = await siteBooking(t, {
      occurrenceId: occurrence.id,
      seatIds: [at(standard, 0).id],
    });
    const manager = (await createStaffUser(t.db, { org, role: 'manager' })).user;
    await expect(
      (await t.caller({ userId: manager.id })).staff.bookings.resendPaymentLink({ reference }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const auditor = (await createStaffUser(t.db, { org, role: 'auditor' })).user;
    await expect(
      (await t.caller({ userId: auditor.id })).staff.bookings.resendPaymentLink({ reference }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await twoTierTheatre(t.db);
    const stranger = (await createStaffUser(t.db, { org: other.org, role: 'owner' })).user;
    await expect(
      (await t.caller({ userId: stranger.id })).staff.bookings.resendPaymentLink({ reference }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await linkEmails(reference)).toEqual([]);
    expect(await auditedLinks(reference)).toEqual([]);
  });
});
