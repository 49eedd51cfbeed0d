import { randomUUID } from 'node:crypto';
import type { CreateHoldInput } from '../domain/holds/schemas';
import type { PaymentProvider } from '../domain/payments/provider';
import type { ApiTest } from './api-test';

const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };

/**
 * A customer's booking through the site's procedures (paid with `payments`, the offline
 * provider by default), marked paid at the desk by `paidBy` (a staff user id) or left waiting
 * for payment; with its items in order and its payment page.
 */
export async function siteBooking(
  t: ApiTest,
  hold: CreateHoldInput,
  { paidBy, payments }: { paidBy?: string; payments?: PaymentProvider } = {},
) {
  const customer = await t.caller({ ...noLimits, payments });
  const { holdId } = await customer.holds.create(hold);
  const { reference, payment } = await customer.bookings.checkout({
    holdId,
    idempotencyKey: `key-${randomUUID()}`,
    contact: { name: 'Ines', email: 'ines@example.test' },
  });
  if (paidBy) await (await t.caller({ userId: paidBy })).staff.bookings.markPaid({ reference });
  const { id: bookingId } = await t.db
    .selectFrom('bookings')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  const items = await t.db
    .selectFrom('bookingItems')
    .select(['id', 'kind'])
    .where('bookingId', '=', bookingId)
    .orderBy('position')
    .execute();
  return {
    reference,
    bookingId,
    holdId,
    itemIds: items.map((item) => item.id),
    paymentUrl: payment?.redirectUrl ?? null,
  };
}

/** What the booking's audit log says about moves. */
export const movesAudited = (t: ApiTest, bookingId: string) =>
  t.db
    .selectFrom('auditLog')
    .select(['actorLabel', 'changes'])
    .where('action', '=', 'booking.moved')
    .where('entityId', '=', bookingId)
    .execute();

export const validTickets = (t: ApiTest, bookingId: string) =>
  t.db
    .selectFrom('tickets')
    .select(['code', 'occurrenceId'])
    .where('bookingId', '=', bookingId)
    .where('status', '=', 'valid')
    .orderBy('code')
    .execute();
