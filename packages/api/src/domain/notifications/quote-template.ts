import { formatMoney, formatWhen, layout, type RenderedMessage } from './templates';

export interface QuoteOfferFacts {
  reference: string;
  contactName: string;
  orgName: string;
  offeringName: string | null;
  startsAt: Date | null;
  timeZone: string;
  totalAmount: number;
  currency: string;
  offerUrl: string;
  validUntil: Date;
}

/** Staff made an offer for the customer: the link shows it, and accepting books and pays it. */
export function renderQuoteOffer(facts: QuoteOfferFacts): RenderedMessage {
  const details: [string, string][] = [['Offer', facts.reference]];
  if (facts.offeringName) details.push(['What', facts.offeringName]);
  if (facts.startsAt) details.push(['When', formatWhen(facts.startsAt, facts.timeZone)]);
  details.push(
    ['Total', formatMoney(facts.totalAmount, facts.currency)],
    ['See and accept it here', facts.offerUrl],
    ['Valid until', formatWhen(facts.validUntil, facts.timeZone)],
  );
  return layout(
    {
      subject: `Your offer from ${facts.orgName}: ${facts.reference}`,
      greeting: `Hello ${facts.contactName},`,
      lead: `${facts.orgName} prepared an offer for you. Open the link to read it; accepting it books the places and takes you to payment.`,
      details,
      closing:
        'The places are not held until you accept: if they sell out before, we will tell you on the page. If you did not ask for this offer, ignore this email.',
    },
    facts.orgName,
  );
}
