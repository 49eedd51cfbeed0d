import {
  formatMoney,
  formatWhen,
  layout,
  type BookingFacts,
  type RenderedMessage,
} from './templates';

export interface PaymentLinkFacts extends BookingFacts {
  paymentUrl: string;
  /** Until when the booking keeps its places unpaid. */
  dueAt: Date | null;
}

/** Staff booked for the customer (phone or desk sale): the link pays it on Stripe's page. */
export function renderPaymentLink(facts: PaymentLinkFacts): RenderedMessage {
  const details: [string, string][] = [['Booking reference', facts.reference]];
  details.push(['What', facts.offeringName]);
  if (facts.startsAt) details.push(['When', formatWhen(facts.startsAt, facts.timeZone)]);
  if (facts.venueName) details.push(['Where', facts.venueName]);
  details.push(
    ['Total', formatMoney(facts.totalAmount, facts.currency)],
    ['Pay here', facts.paymentUrl],
  );
  if (facts.dueAt) details.push(['Pay before', formatWhen(facts.dueAt, facts.timeZone)]);
  return layout(
    {
      subject: `Pay for your booking ${facts.reference}: ${facts.offeringName}`,
      greeting: `Hello ${facts.contactName},`,
      lead: `${facts.orgName} booked ${facts.offeringName} for you. Your places are kept until the time below: open the link to pay by card and confirm the booking.`,
      details,
      closing:
        'Once paid, you receive the confirmation with your tickets. If you did not ask for this booking, ignore this email: it lapses unpaid.',
    },
    facts.orgName,
  );
}
