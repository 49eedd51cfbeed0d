import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import type { PaymentProvider } from './provider';
import { startPayment } from './start';

/**
 * The link staff send a customer to pay a booking waiting for payment (a phone sale, a
 * customer who lost the page, or the balance of a move to dearer seats): the same Checkout
 * Session the site would open.
 */
export async function paymentLink(
  db: Db,
  reference: string,
  staff: StaffMember,
  provider: PaymentProvider,
) {
  const payment = await db
    .selectFrom('payments as p')
    .innerJoin('bookings as b', 'b.id', 'p.bookingId')
    .select(['p.id'])
    .where('b.reference', '=', reference)
    .where('b.orgId', '=', staff.orgId)
    // A confirmed booking can owe a balance too (moved to dearer seats).
    .where('b.status', 'in', ['pending_payment', 'confirmed'])
    .where('p.status', '=', 'pending')
    .orderBy('p.createdAt', 'desc')
    .executeTakeFirst();
  if (!payment)
    throw new AppError(
      'NOT_FOUND',
      'No booking of your organisation waiting for payment has this reference.',
    );
  const view = await startPayment(db, payment.id, provider);
  if (!view.redirectUrl)
    throw new AppError('CONFLICT', 'This booking is paid at the venue: there is no link to send.');
  return { url: view.redirectUrl, dueAt: view.dueAt };
}
