import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import type { PaymentProvider } from './provider';
import { startPayment } from './start';

/**
 * The link staff send a customer to pay a booking waiting for payment (a phone sale, or a
 * customer who lost the page): the same Checkout Session the site would open.
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
    .where('b.status', '=', 'pending_payment')
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
