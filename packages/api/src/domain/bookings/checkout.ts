import type { Bookings, Db } from '@tessera/db';
import { sql, type Insertable } from 'kysely';
import { AppError } from '../../errors';
import type { InventoryEvents } from '../events/inventory';
import { holdView } from '../holds/store';
import type { PaymentProvider } from '../payments/provider';
import { allocateProportionally } from '../pricing';
import { idempotent, type Tx } from '../shared/idempotency';
import { enqueueOutbox } from '../shared/outbox';
import { confirmBooking, sellInventoryOfHold } from './fulfil';
import { startPayment } from '../payments/start';
import { redeemPromo } from './promo';
import { priceOfHold } from './quote';
import { newReference } from './reference';
import type { CheckoutInput, CheckoutResult } from './schemas';

export interface BookingRequester {
  userId: string | null;
  channel: 'web' | 'agent' | 'api';
  apiKeyId: string | null;
  createdByUserId: string | null;
}

/**
 * Turns a live hold into a booking, exactly once per hold. A free booking is confirmed at
 * once; a paid one waits for payment with its inventory kept until the provider's deadline.
 */
export async function checkout(
  db: Db,
  input: CheckoutInput,
  requester: BookingRequester,
  deps: { provider: PaymentProvider; events: InventoryEvents },
  now = new Date(),
): Promise<CheckoutResult> {
  const { idempotencyKey, ...request } = input;
  const booked = await idempotent(
    db,
    { scope: `bookings.checkout:${input.holdId}`, key: idempotencyKey, request },
    (tx) => createBooking(tx, input, requester, deps.provider, now),
  );
  if (booked.confirmedNow)
    deps.events.changed({ orgId: booked.orgId, occurrenceId: booked.occurrenceId ?? undefined });
  const payment = booked.paymentId ? await startPayment(db, booked.paymentId, deps.provider) : null;
  return { reference: booked.reference, status: booked.status, total: booked.total, payment };
}

/** The booking of a live hold, in the caller's transaction (staff sales and quotes share it). */
export async function createBooking(
  tx: Tx,
  input: CheckoutInput,
  requester: BookingRequester,
  provider: PaymentProvider,
  now: Date,
) {
  const hold = await tx
    .selectFrom('holds')
    .selectAll()
    .select(sql<boolean>`expires_at > now()`.as('live'))
    .where('id', '=', input.holdId)
    .forUpdate()
    .executeTakeFirst();
  if (!hold) throw new AppError('NOT_FOUND', 'This hold was not found.');
  if (hold.status === 'converted') {
    const existing = await tx
      .selectFrom('bookings')
      .select('reference')
      .where('holdId', '=', hold.id)
      .executeTakeFirst();
    throw new AppError(
      'CONFLICT',
      `This hold is already booked as ${existing?.reference ?? 'another booking'}.`,
      {
        reference: existing?.reference,
      },
    );
  }
  if (hold.status !== 'active' || !hold.live) {
    throw new AppError(
      'HOLD_EXPIRED',
      'Your hold has expired and its places were released. Please choose again.',
    );
  }

  const offering = await tx
    .selectFrom('offerings')
    .select(['kind', 'attendeeFields'])
    .where('id', '=', hold.offeringId)
    .executeTakeFirstOrThrow();
  const view = await holdView(tx, hold.id);
  const admissions = view.items
    .filter((item) => item.kind !== 'add_on')
    .reduce((sum, item) => sum + item.quantity, 0);
  const attendees = input.attendees ?? [];
  if (attendees.length && attendees.length !== admissions) {
    throw new AppError('VALIDATION', `Give one attendee for each of the ${admissions} places.`);
  }
  if (!attendees.length && (offering.kind === 'trip' || offering.attendeeFields.length)) {
    throw new AppError('VALIDATION', 'Give the name of each passenger or attendee.');
  }

  const promo = input.promoCode
    ? await redeemPromo(tx, {
        orgId: hold.orgId,
        offeringId: hold.offeringId,
        code: input.promoCode,
        currency: hold.currency,
      })
    : null;
  const price = await priceOfHold(tx, hold.id, promo);
  const free = price.total === 0;
  const startsAt = await startOf(tx, hold.occurrenceId, view.items);
  const dueAt = free ? null : provider.paymentDeadline(now, startsAt);

  const booking = await insertBooking(tx, {
    orgId: hold.orgId,
    holdId: hold.id,
    offeringId: hold.offeringId,
    occurrenceId: hold.occurrenceId,
    customerUserId: requester.userId,
    createdByUserId: requester.createdByUserId,
    apiKeyId: requester.apiKeyId,
    channel: requester.channel,
    status: 'pending_payment',
    contactName: input.contact.name,
    contactEmail: input.contact.email,
    contactPhone: input.contact.phone ?? null,
    subtotalAmount: price.subtotal,
    discountAmount: price.discount,
    taxAmount: price.tax,
    totalAmount: price.total,
    currency: hold.currency,
    promoCodeId: promo?.id ?? null,
    paymentDueAt: dueAt,
  });

  const discounts = allocateProportionally(
    price.discount,
    price.lines.map((line) => line.amount),
  );
  const taxes = allocateProportionally(
    price.tax,
    price.lines.map((line, i) => line.amount - (discounts[i] ?? 0)),
  );
  const exclusiveTax = !price.taxInclusive;
  const items = await tx
    .insertInto('bookingItems')
    .values(
      view.items.map((item, i) => {
        const amount = price.lines[i]?.amount ?? 0;
        return {
          orgId: hold.orgId,
          bookingId: booking.id,
          position: i,
          kind: item.kind,
          description: item.description,
          occurrenceId: hold.occurrenceId,
          ticketTypeId: item.ticketTypeId,
          seatId: item.seatId,
          addOnId: item.addOnId,
          resourceId: item.resourceId,
          startsAt: item.startsAt,
          endsAt: item.endsAt,
          originStopId: hold.originStopId,
          destinationStopId: hold.destinationStopId,
          quantity: item.quantity,
          unitAmount: item.unitPrice.amount,
          discountAmount: discounts[i] ?? 0,
          taxAmount: taxes[i] ?? 0,
          totalAmount: amount - (discounts[i] ?? 0) + (exclusiveTax ? (taxes[i] ?? 0) : 0),
          currency: hold.currency,
        };
      }),
    )
    .returning(['id', 'kind', 'quantity', 'position'])
    .execute();
  if (attendees.length) {
    const places = items
      .filter((item) => item.kind !== 'add_on')
      .sort((a, b) => a.position - b.position);
    const placeOf = places.flatMap((item) => Array.from({ length: item.quantity }, () => item.id));
    await tx
      .insertInto('attendees')
      .values(
        attendees.map((attendee, position) => ({
          orgId: hold.orgId,
          bookingId: booking.id,
          bookingItemId: placeOf[position] ?? null,
          position,
          name: attendee.name,
          email: attendee.email ?? null,
          phone: attendee.phone ?? null,
          details: JSON.stringify(attendee.details ?? {}),
        })),
      )
      .execute();
  }

  await tx
    .updateTable('holds')
    .set({ status: 'converted', endedAt: sql<Date>`now()` })
    .where('id', '=', hold.id)
    .execute();
  let paymentId: string | null = null;
  if (free) {
    if (!(await sellInventoryOfHold(tx, hold.id, booking.id)))
      throw new AppError('HOLD_EXPIRED', 'Your hold has expired. Please choose again.');
    await confirmBooking(tx, booking.id);
  } else if (dueAt) {
    await keepInventoryUntil(tx, hold.id, dueAt);
    paymentId = (
      await tx
        .insertInto('payments')
        .values({
          orgId: hold.orgId,
          bookingId: booking.id,
          provider: provider.name,
          amount: price.total,
          currency: hold.currency,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await enqueueOutbox(tx, [
      {
        orgId: hold.orgId,
        aggregateType: 'booking',
        aggregateId: booking.id,
        eventType: 'booking.payment_requested',
        payload: { reference: booking.reference },
      },
    ]);
  }
  return {
    orgId: hold.orgId,
    occurrenceId: hold.occurrenceId,
    bookingId: booking.id,
    reference: booking.reference,
    status: free ? ('confirmed' as const) : ('pending_payment' as const),
    total: { amount: price.total, currency: hold.currency },
    confirmedNow: free,
    paymentId,
  };
}

/** A paid booking keeps its hold's inventory until the payment deadline, not the hold's ten minutes. */
export async function keepInventoryUntil(tx: Tx, holdId: string, dueAt: Date) {
  await tx.updateTable('holds').set({ expiresAt: dueAt }).where('id', '=', holdId).execute();
  await tx
    .updateTable('occurrenceSeats')
    .set({ heldUntil: dueAt })
    .where('holdId', '=', holdId)
    .where('status', '=', 'held')
    .execute();
  await tx
    .updateTable('ticketUnits')
    .set({ heldUntil: dueAt })
    .where('holdId', '=', holdId)
    .where('status', '=', 'held')
    .execute();
  await tx
    .updateTable('slotReservations')
    .set({ heldUntil: dueAt })
    .where('holdId', '=', holdId)
    .where('releasedAt', 'is', null)
    .execute();
}

export async function startOf(
  tx: Tx,
  occurrenceId: string | null,
  items: { startsAt: Date | null }[],
): Promise<Date | null> {
  if (occurrenceId) {
    return (
      await tx
        .selectFrom('occurrences')
        .select('startsAt')
        .where('id', '=', occurrenceId)
        .executeTakeFirstOrThrow()
    ).startsAt;
  }
  return items.find((item) => item.startsAt)?.startsAt ?? null;
}

/** Inserts with a fresh reference; a collision (one in ~10^11) draws again. */
export async function insertBooking(
  tx: Tx,
  values: Omit<Insertable<Bookings>, 'reference'>,
): Promise<{ id: string; reference: string }> {
  for (;;) {
    const reference = newReference();
    const row = await tx
      .insertInto('bookings')
      .values({ ...values, reference })
      .onConflict((oc) => oc.column('reference').doNothing())
      .returning(['id', 'reference'])
      .executeTakeFirst();
    if (row) return row;
  }
}
