import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import { createBooking } from '../bookings/checkout';
import { settlePayment } from '../bookings/settle';
import type { InventoryEvents } from '../events/inventory';
import { offlinePayments } from '../payments/offline';
import type { PaymentProvider } from '../payments/provider';
import { startPayment } from '../payments/start';
import { idempotent } from '../shared/idempotency';
import { holdInventoryOfOrg } from './hold-inventory';
import { emailPaymentLinkOnce } from './payment-link-email';
import type { SalePayment, StaffSaleInput, StaffSaleResult } from './schemas';

export interface SaleDeps {
  /** The process's card provider (Stripe or the simulator); offline when none is set up. */
  provider: PaymentProvider;
  events: InventoryEvents;
  requestId: string;
}

/**
 * A phone or desk sale: the engine holds the inventory, the hold becomes a booking on the
 * `agent` channel for the customer's contact, and the payment is a Stripe link emailed to
 * them, pay at the venue, or settled now (card terminal). One transaction per idempotency
 * key: a double click books once, a failure leaves no hold behind.
 */
export async function createStaffSale(
  db: Db,
  input: StaffSaleInput,
  staff: StaffMember,
  deps: SaleDeps,
  now = new Date(),
): Promise<StaffSaleResult> {
  const provider = providerFor(input.payment, deps.provider);
  const { idempotencyKey, ...request } = input;
  const sold = await idempotent(
    db,
    { scope: `staff.sales:${staff.orgId}`, key: idempotencyKey, request },
    async (tx) => {
      const held = await holdInventoryOfOrg(
        tx,
        staff.orgId,
        input.inventory,
        {
          clientKey: `staff:${staff.actor.userId ?? staff.actor.apiKeyId}`,
          userId: null,
          source: 'staff',
        },
        now,
      );
      const booked = await createBooking(
        tx,
        {
          holdId: held.holdId,
          idempotencyKey,
          contact: input.contact,
          attendees: input.attendees,
        },
        {
          userId: null,
          channel: 'agent',
          apiKeyId: staff.actor.apiKeyId,
          createdByUserId: staff.actor.userId,
        },
        provider,
        now,
      );
      // The desk took the money (card terminal): settled like staff.bookings.markPaid.
      const settled =
        input.payment === 'paid_now' && booked.paymentId
          ? await settlePayment(tx, { paymentId: booked.paymentId, amount: booked.total.amount })
          : null;
      const status = settled?.outcome === 'confirmed' ? ('confirmed' as const) : booked.status;
      await recordAudit(tx, {
        orgId: staff.orgId,
        actor: staff.actor,
        action: 'booking.sold',
        entityType: 'booking',
        entityId: booked.bookingId,
        changes: {
          reference: booked.reference,
          channel: 'agent',
          payment: input.payment,
          status,
          total: booked.total,
          contactEmail: input.contact.email,
        },
        requestId: deps.requestId,
      });
      return { ...booked, resourceId: held.resourceId, status };
    },
  );
  deps.events.changed({
    orgId: staff.orgId,
    occurrenceId: sold.occurrenceId ?? undefined,
    resourceId: sold.resourceId,
  });
  const payment = sold.paymentId ? await startPayment(db, sold.paymentId, provider) : null;
  const paymentUrl = input.payment === 'payment_link' ? (payment?.redirectUrl ?? null) : null;
  if (paymentUrl && payment)
    await emailPaymentLinkOnce(db, {
      orgId: staff.orgId,
      bookingId: sold.bookingId,
      paymentUrl,
      dueAt: payment.dueAt,
    });
  return {
    reference: sold.reference,
    status: sold.status,
    total: sold.total,
    payment: input.payment,
    paymentUrl,
    dueAt: sold.status === 'pending_payment' ? (payment?.dueAt ?? null) : null,
  };
}

function providerFor(payment: SalePayment, configured: PaymentProvider): PaymentProvider {
  if (payment !== 'payment_link') return offlinePayments;
  if (configured.name !== 'stripe')
    throw new AppError(
      'VALIDATION',
      'Card payments are not set up here (no Stripe key), so there is no link to send: take the payment at the venue or now.',
    );
  return configured;
}
