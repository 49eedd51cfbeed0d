import {
  formatMoney,
  formatWhen,
  layout,
  type BookingFacts,
  type RenderedMessage,
} from './templates';

export interface PaymentLinkFacts extends BookingFacts {
  paymentUrl: string;
  /** Until when the link (and a booking waiting for payment, its places) lasts. */
  dueAt: Date | null;
  /** The balance a confirmed booking owes (it moved to dearer places); null: the total is due. */
  balanceAmount?: number | null;
}

/** Staff booked for the customer (phone or desk sale): the link pays it on Stripe's page. */
export function renderPaymentLink(facts: PaymentLinkFacts): RenderedMessage {
  const details: [string, string][] = [['Booking reference', facts.reference]];
  details.push(['What', facts.offeringName]);
  if (facts.startsAt) details.push(['When', formatWhen(facts.startsAt, facts.timeZone)]);
  if (facts.venueName) details.push(['Where', facts.venueName]);
  const balance = facts.balanceAmount ?? null;
  details.push(
    balance === null
      ? ['Total', formatMoney(facts.totalAmount, facts.currency)]
      : ['Balance to pay', formatMoney(balance, facts.currency)],
    ['Pay here', facts.paymentUrl],
  );
  if (facts.dueAt) details.push(['Pay before', formatWhen(facts.dueAt, facts.timeZone)]);
  return layout(
    {
      subject: `Pay for your booking ${facts.reference}: ${facts.offeringName}`,
      greeting: `Hello ${facts.contactName},`,
      lead:
        balance === null
          ? `${facts.orgName} booked ${facts.offeringName} for you. Your places are kept until the time below: open the link to pay by card and confirm the booking.`
          : `${facts.orgName} changed your booking of ${facts.offeringName}: the new places cost more. Your booking stays confirmed; open the link to pay the difference by card before the time below.`,
      details,
      closing:
        balance === null
          ? 'Once paid, you receive the confirmation with your tickets. If you did not ask for this booking, ignore this email: it lapses unpaid.'
          : 'Once paid, you receive a receipt. Your new tickets were sent separately.',
    },
    facts.orgName,
  );
}
