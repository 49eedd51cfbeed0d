import type { Db, Quotes } from '@tessera/db';
import { sql, type Selectable } from 'kysely';
import { AppError } from '../../errors';
import { insertBooking, keepInventoryUntil, startOf } from '../bookings/checkout';
import { confirmBooking, sellInventoryOfHold } from '../bookings/fulfil';
import type { InventoryEvents } from '../events/inventory';
import { holdView } from '../holds/store';
import type { PaymentProvider } from '../payments/provider';
import { startPayment } from '../payments/start';
import { allocateProportionally } from '../pricing';
import { holdInventoryOfOrg } from '../sales/hold-inventory';
import type { Tx } from '../shared/idempotency';
import { enqueueOutbox } from '../shared/outbox';
import { storedInventory } from './read';
import { QuoteLine, type AcceptQuoteResult } from './schemas';
import { hashQuoteToken } from './token';

const GONE_CODES = new Set(['SEAT_TAKEN', 'SOLD_OUT', 'SLOT_TAKEN', 'SALES_CLOSED']);

/**
 * The customer accepts the offer behind their link: its inventory is held now (the engine's
 * claims), and a booking is made at the quoted total with the quote's lines, custom lines and
 * markup or discount, on the agent channel. The quote row is locked first, so two accepts at
 * once make one booking; the later one gets the same answer.
 */
export async function acceptQuote(
  db: Db,
  token: string,
  deps: { provider: PaymentProvider; events: InventoryEvents },
  now = new Date(),
): Promise<AcceptQuoteResult> {
  const accepted = await db.transaction().execute(async (tx) => {
    const quote = await tx
      .selectFrom('quotes')
      .selectAll()
      .select(sql<boolean>`expires_at <= now()`.as('lapsed'))
      .where('tokenHash', '=', hashQuoteToken(token))
      .where('status', '<>', 'withdrawn')
      .forUpdate()
      .executeTakeFirst();
    if (!quote) throw new AppError('NOT_FOUND', 'This offer does not exist or was withdrawn.');
    if (quote.status === 'accepted' && quote.bookingId) {
      const booking = await tx
        .selectFrom('bookings')
        .select(['reference', 'status'])
        .where('id', '=', quote.bookingId)
        .executeTakeFirstOrThrow();
      return {
        ...quote,
        bookingId: quote.bookingId,
        reference: booking.reference,
        paymentId: null,
        change: null,
      };
    }
    if (quote.status !== 'sent' || quote.lapsed)
      throw new AppError(
        'CONFLICT',
        'This offer has expired. Ask for a new one: prices and places may have changed.',
      );
    return { ...quote, ...(await bookQuote(tx, quote, deps.provider, now)) };
  });
  if (accepted.change) deps.events.changed(accepted.change);
  const payment = accepted.paymentId
    ? await startPayment(db, accepted.paymentId, deps.provider)
    : await latestPayment(db, accepted.bookingId, deps.provider);
  const booking = await db
    .selectFrom('bookings')
    .select(['status', 'reference'])
    .where('id', '=', accepted.bookingId)
    .executeTakeFirstOrThrow();
  return {
    reference: booking.reference,
    status: booking.status === 'confirmed' ? 'confirmed' : 'pending_payment',
    total: { amount: accepted.totalAmount, currency: accepted.currency },
    paymentUrl: booking.status === 'pending_payment' ? (payment?.redirectUrl ?? null) : null,
    instructions: payment?.instructions ?? null,
  };
}

type QuoteRow = Selectable<Quotes>;

async function bookQuote(tx: Tx, quote: QuoteRow, provider: PaymentProvider, now: Date) {
  const inventory = storedInventory(quote.inventory);
  if (!inventory || !quote.offeringId)
    throw new AppError('CONFLICT', 'This offer has no places to book: contact the organiser.');
  const held = await holdInventoryOfOrg(
    tx,
    quote.orgId,
    inventory,
    { clientKey: `quote:${quote.id}`, userId: null, source: 'staff' },
    now,
  ).catch((error: unknown) => {
    if (error instanceof AppError && GONE_CODES.has(error.code))
      throw new AppError(
        error.code,
        'Some of the places in this offer are no longer available. Ask the organiser for a new offer.',
      );
    throw error;
  });
  const view = await holdView(tx, held.holdId);
  const lines = QuoteLine.array().parse(quote.items);
  const places = lines.filter((line) => line.kind === 'inventory');
  if (places.length !== view.items.length)
    throw new AppError(
      'CONFLICT',
      'This offer no longer matches what is on sale: ask for a new one.',
    );

  // The markup is a line of its own; a discount is the booking's, shared across the lines.
  const markup = Math.max(quote.adjustmentAmount, 0);
  const discount = Math.max(-quote.adjustmentAmount, 0);
  const bookedLines = [
    ...lines,
    ...(markup > 0
      ? [
          {
            kind: 'custom' as const,
            description: adjustmentLabel(quote),
            quantity: 1,
            unitAmount: markup,
            amount: markup,
          },
        ]
      : []),
  ];
  const discounts = allocateProportionally(
    discount,
    bookedLines.map((line) => line.amount),
  );
  const free = quote.totalAmount === 0;
  const startsAt = await startOf(tx, view.occurrenceId, view.items);
  const dueAt = free ? null : provider.paymentDeadline(now, startsAt);
  const booking = await insertBooking(tx, {
    orgId: quote.orgId,
    holdId: held.holdId,
    offeringId: quote.offeringId,
    occurrenceId: view.occurrenceId,
    channel: 'agent',
    createdByUserId: quote.createdBy,
    status: 'pending_payment',
    contactName: quote.contactName,
    contactEmail: quote.contactEmail,
    contactPhone: quote.contactPhone,
    subtotalAmount: quote.subtotalAmount + markup,
    discountAmount: discount,
    totalAmount: quote.totalAmount,
    currency: quote.currency,
    paymentDueAt: dueAt,
  });
  let placeIndex = 0;
  await tx
    .insertInto('bookingItems')
    .values(
      bookedLines.map((line, position) => {
        const item = line.kind === 'inventory' ? view.items[placeIndex++] : undefined;
        const lineDiscount = discounts[position] ?? 0;
        return {
          orgId: quote.orgId,
          bookingId: booking.id,
          position,
          kind: item?.kind ?? 'custom',
          description: line.description,
          occurrenceId: item ? view.occurrenceId : null,
          ticketTypeId: item?.ticketTypeId ?? null,
          seatId: item?.seatId ?? null,
          addOnId: item?.addOnId ?? null,
          resourceId: item?.resourceId ?? null,
          startsAt: item?.startsAt ?? null,
          endsAt: item?.endsAt ?? null,
          quantity: line.quantity,
          unitAmount: line.unitAmount,
          discountAmount: lineDiscount,
          totalAmount: line.amount - lineDiscount,
          currency: quote.currency,
        };
      }),
    )
    .execute();
  await tx
    .updateTable('holds')
    .set({ status: 'converted', endedAt: sql<Date>`now()` })
    .where('id', '=', held.holdId)
    .execute();
  await tx
    .updateTable('quotes')
    .set({
      status: 'accepted',
      bookingId: booking.id,
      acceptedAt: sql<Date>`now()`,
      updatedAt: sql<Date>`now()`,
    })
    .where('id', '=', quote.id)
    .execute();

  let paymentId: string | null = null;
  if (!dueAt) {
    if (!(await sellInventoryOfHold(tx, held.holdId, booking.id)))
      throw new AppError('HOLD_EXPIRED', 'The places could not be kept. Please try again.');
    await confirmBooking(tx, booking.id);
  } else {
    await keepInventoryUntil(tx, held.holdId, dueAt);
    paymentId = (
      await tx
        .insertInto('payments')
        .values({
          orgId: quote.orgId,
          bookingId: booking.id,
          provider: provider.name,
          amount: quote.totalAmount,
          currency: quote.currency,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await enqueueOutbox(tx, [
      {
        orgId: quote.orgId,
        aggregateType: 'booking',
        aggregateId: booking.id,
        eventType: 'booking.payment_requested',
        payload: { reference: booking.reference, quote: quote.reference },
      },
    ]);
  }
  return {
    bookingId: booking.id,
    reference: booking.reference,
    paymentId,
    change: {
      orgId: quote.orgId,
      occurrenceId: view.occurrenceId ?? undefined,
      resourceId: held.resourceId,
    },
  };
}

function adjustmentLabel(quote: QuoteRow): string {
  return quote.adjustmentKind === 'percent'
    ? `Adjustment (+${quote.adjustmentValue / 100} %)`
    : 'Adjustment';
}

/** An accepted quote asked again (a second click): the booking's open payment, if any. */
async function latestPayment(db: Db, bookingId: string, provider: PaymentProvider) {
  const payment = await db
    .selectFrom('payments')
    .select('id')
    .where('bookingId', '=', bookingId)
    .where('status', '=', 'pending')
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
  return payment ? startPayment(db, payment.id, provider) : null;
}
