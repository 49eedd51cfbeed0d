import { randomUUID } from 'node:crypto';
import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { Alert, Badge, Card, Input, PageHeader, formatDateTime, formatMoney } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '~/components/action-form';
import { bookingStatus, channelLabel, paymentStateLabel } from '~/lib/booking-labels';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import {
  addNote,
  cancelBooking,
  markPaid,
  refundBooking,
  resendConfirmation,
  resendPaymentLink,
} from './actions';

export const metadata: Metadata = { title: 'Booking' };

const timelineLabel = {
  booking: 'Booking',
  hold: 'Hold',
  payment: 'Payment',
  refund: 'Refund',
  email: 'Message',
  check_in: 'Check-in',
  audit: 'Staff change',
  note: 'Note',
} as const;

/** One booking: what was bought, its history, and the actions the role allows. */
export default async function BookingPage({ params }: { params: Promise<{ reference: string }> }) {
  await requireSession();
  const { reference } = await params;
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  const role = org && isRole(org.role) ? org.role : null;
  let booking;
  try {
    booking = await api.staff.bookings.detail({ reference });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return (
      <Alert tone="warning" title="Booking not found">
        {error.message}{' '}
        <Link href="/bookings" className="underline">
          Back to bookings
        </Link>
      </Alert>
    );
  }
  const mayWrite = role !== null && roleCan(role, 'bookings:write');
  const mayRefund = role !== null && roleCan(role, 'payments:refund');
  // Refunds asked for and not yet completed (an offline one waits for staff to hand it back).
  const pendingRefund = booking.paid - booking.refunded - booking.refundable;
  const live = booking.status === 'confirmed' || booking.status === 'pending_payment';
  const money = (amount: number) => formatMoney({ amount, currency: booking.total.currency });
  const status = bookingStatus[booking.status] ?? {
    label: booking.status,
    tone: 'neutral' as const,
  };
  const fields = { reference: booking.reference, currency: booking.total.currency };

  return (
    <>
      <PageHeader
        title={`Booking ${booking.reference}`}
        description={`${booking.offeringName}${booking.startsAt ? ` · ${formatDateTime(booking.startsAt, booking.timeZone)}` : ''}`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card>
            <dl className="grid grid-cols-2 gap-3 text-sm">
              <dt className="text-slate-700">Status</dt>
              <dd>
                <Badge tone={status.tone}>{status.label}</Badge>
              </dd>
              <dt className="text-slate-700">Sold through</dt>
              <dd data-testid="channel">{channelLabel[booking.channel]}</dd>
              <dt className="text-slate-700">Contact</dt>
              <dd>
                {booking.contact.name}
                <span className="block">{booking.contact.email}</span>
                {booking.contact.phone ? (
                  <span className="block">{booking.contact.phone}</span>
                ) : null}
              </dd>
              <dt className="text-slate-700">Total</dt>
              <dd>{formatMoney(booking.total)}</dd>
              <dt className="text-slate-700">Paid</dt>
              <dd>
                {money(booking.paid)} ({paymentStateLabel[booking.paymentState]})
              </dd>
              <dt className="text-slate-700">Refunded</dt>
              <dd data-testid="refunded">{money(booking.refunded)}</dd>
              {pendingRefund > 0 ? (
                <>
                  <dt className="text-slate-700">Being refunded</dt>
                  <dd data-testid="refund-pending">{money(pendingRefund)}</dd>
                </>
              ) : null}
            </dl>
          </Card>
          <section aria-labelledby="items-heading">
            <h2 id="items-heading" className="mb-2 text-lg font-semibold">
              Items and tickets
            </h2>
            <ul className="mb-3 list-disc pl-5 text-sm">
              {booking.items.map((item, index) => (
                <li key={index}>
                  {item.quantity} × {item.description} — {money(item.total)}
                </li>
              ))}
            </ul>
            <ul className="text-sm">
              {booking.tickets.map((ticket) => (
                <li key={ticket.code}>
                  <span className="font-mono">{ticket.code}</span> · {ticket.holder ?? 'No name'} ·{' '}
                  {ticket.status === 'void'
                    ? 'Void'
                    : ticket.checkedInAt
                      ? `Checked in ${formatDateTime(ticket.checkedInAt, booking.timeZone)}`
                      : 'Not checked in'}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
              Timeline
            </h2>
            <ol className="flex flex-col gap-2 border-l-2 border-slate-200 pl-4 text-sm">
              {booking.timeline.map((entry, index) => (
                <li key={index}>
                  <time dateTime={entry.at.toISOString()} className="text-slate-600">
                    {formatDateTime(entry.at, booking.timeZone)}
                  </time>{' '}
                  <strong>{timelineLabel[entry.kind]}:</strong> {entry.title}
                  {entry.detail ? (
                    <span className="block break-all text-slate-700">{entry.detail}</span>
                  ) : null}
                  {entry.actor ? (
                    <span className="block text-slate-600">by {entry.actor}</span>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
        {mayWrite ? (
          <aside aria-label="Actions" className="flex flex-col gap-4">
            {booking.offlinePaymentDue ? (
              <Card>
                <h2 className="mb-2 font-semibold">Payment at the venue</h2>
                <ActionForm action={markPaid} fields={fields} label="Mark paid" variant="primary" />
              </Card>
            ) : null}
            {booking.linkPaymentDue ? (
              <Card>
                <h2 className="mb-2 font-semibold">Payment by card</h2>
                <p className="mb-2 text-sm">
                  {booking.status === 'confirmed'
                    ? 'A balance is owed: the customer pays it on the payment page.'
                    : 'The booking waits for payment on the payment page.'}
                </p>
                <ActionForm
                  action={resendPaymentLink}
                  fields={fields}
                  label="Resend payment link"
                />
              </Card>
            ) : null}
            {mayRefund && booking.refundable > 0 ? (
              <Card>
                <h2 className="mb-2 font-semibold">Refund</h2>
                <ActionForm
                  action={refundBooking}
                  fields={{ ...fields, idempotencyKey: randomUUID() }}
                  label="Refund"
                >
                  <label className="text-sm font-medium">
                    Amount ({booking.total.currency}, at most {money(booking.refundable)})
                    <Input name="amount" inputMode="decimal" required className="mt-1" />
                  </label>
                </ActionForm>
              </Card>
            ) : null}
            {booking.status === 'confirmed' ? (
              <Card>
                <h2 className="mb-2 font-semibold">Confirmation email</h2>
                <ActionForm
                  action={resendConfirmation}
                  fields={fields}
                  label="Resend confirmation"
                />
              </Card>
            ) : null}
            {live && booking.items.some((item) => item.kind === 'slot') ? (
              <Card>
                <h2 className="mb-2 font-semibold">Move</h2>
                <Link
                  href={`/bookings/${booking.reference}/move-time`}
                  className="text-sm underline"
                >
                  Move to another time
                </Link>
              </Card>
            ) : null}
            {live && booking.occurrenceId ? (
              <Card>
                <h2 className="mb-2 font-semibold">Move</h2>
                <Link href={`/bookings/${booking.reference}/move`} className="text-sm underline">
                  {booking.items.some((item) => item.kind === 'seat')
                    ? 'Move to other seats or another date'
                    : 'Move to another date or ticket type'}
                </Link>
              </Card>
            ) : null}
            {live ? (
              <Card>
                <h2 className="mb-2 font-semibold">Cancel</h2>
                <ActionForm
                  action={cancelBooking}
                  fields={fields}
                  label="Cancel booking"
                  variant="danger"
                >
                  <fieldset className="flex flex-col gap-1 text-sm">
                    <legend className="font-medium">Refund</legend>
                    <label>
                      <input type="radio" name="refund" value="policy" defaultChecked /> Policy:{' '}
                      {money(booking.policyRefund)}
                    </label>
                    {mayRefund ? (
                      <label>
                        <input type="radio" name="refund" value="custom" /> Another amount
                      </label>
                    ) : null}
                  </fieldset>
                  {mayRefund ? (
                    <label className="text-sm font-medium">
                      Other refund amount ({booking.total.currency})
                      <Input name="refundAmount" inputMode="decimal" className="mt-1" />
                    </label>
                  ) : null}
                  <label className="text-sm font-medium">
                    Reason (kept in the audit log)
                    <Input name="reason" className="mt-1" />
                  </label>
                </ActionForm>
              </Card>
            ) : null}
            <Card>
              <h2 className="mb-2 font-semibold">Note</h2>
              <ActionForm action={addNote} fields={fields} label="Add note">
                <label className="text-sm font-medium">
                  Note
                  <textarea
                    name="note"
                    required
                    rows={3}
                    className="mt-1 block w-full rounded-md border border-slate-400 p-2"
                  />
                </label>
              </ActionForm>
            </Card>
          </aside>
        ) : null}
      </div>
    </>
  );
}
