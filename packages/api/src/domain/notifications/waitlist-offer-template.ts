import { formatWhen, layout, type RenderedMessage, type WaitlistFacts } from './templates';

export interface WaitlistOfferFacts extends WaitlistFacts {
  claimUrl: string;
  /** When the offer's hold lapses and the places pass to the next person. */
  expiresAt: Date;
}

/** Places came free for someone on the waiting list: they are held, claimable by a link. */
export function renderWaitlistOffer(facts: WaitlistOfferFacts): RenderedMessage {
  const places = facts.quantity === 1 ? '1 place' : `${facts.quantity} places`;
  const details: [string, string][] = [
    ['What', facts.offeringName],
    ['When', formatWhen(facts.startsAt, facts.timeZone)],
  ];
  if (facts.venueName) details.push(['Where', facts.venueName]);
  details.push(
    ['Places', String(facts.quantity)],
    ['Book them here', facts.claimUrl],
    ['Held for you until', formatWhen(facts.expiresAt, facts.timeZone)],
  );
  return layout(
    {
      subject: `Places are free for you: ${facts.offeringName}`,
      greeting: facts.name ? `Hello ${facts.name},` : 'Hello,',
      lead: `Good news: ${places} came free and we are holding them for you. Open the link below to book them.`,
      details,
      closing:
        'If you do not book them in time, they go to the next person on the waiting list. If you no longer want them, there is nothing to do.',
    },
    facts.orgName,
  );
}
