import { resourceMissing } from '../http/errors';
import { type StripeEvent, type StripeList } from '../objects/types';

export interface Page {
  limit: number;
  starting_after?: string | undefined;
  ending_before?: string | undefined;
}

/** Stripe's cursor pagination over items already in list order (newest first for most lists). */
export function paginate<T extends { id: string }>(
  items: T[],
  page: Page,
  url: string,
  objectName: string,
): StripeList<T> {
  let start = 0;
  let end = items.length;
  if (page.starting_after) {
    const index = items.findIndex((item) => item.id === page.starting_after);
    if (index === -1) throw resourceMissing(objectName, page.starting_after, 'starting_after');
    start = index + 1;
  } else if (page.ending_before) {
    const index = items.findIndex((item) => item.id === page.ending_before);
    if (index === -1) throw resourceMissing(objectName, page.ending_before, 'ending_before');
    end = index;
    start = Math.max(0, end - page.limit);
  }
  const data = items.slice(start, Math.min(end, start + page.limit));
  const hasMore = page.ending_before ? start > 0 : start + page.limit < end;
  return { object: 'list', data, has_more: hasMore, url };
}

export type CreatedFilter =
  | number
  | {
      gt?: number | undefined;
      gte?: number | undefined;
      lt?: number | undefined;
      lte?: number | undefined;
    };

/** `type` may end in `*` (`checkout.session.*`), as Stripe allows. */
function typeMatches(pattern: string, type: string): boolean {
  return pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

export function filterEvents(
  events: StripeEvent[],
  filter: {
    type?: string | undefined;
    types?: string[] | undefined;
    created?: CreatedFilter | undefined;
  },
): StripeEvent[] {
  const { type, types, created } = filter;
  const range = typeof created === 'number' ? { gte: created, lte: created } : (created ?? {});
  return events
    .filter((event) => (type ? typeMatches(type, event.type) : true))
    .filter((event) => (types ? types.some((pattern) => typeMatches(pattern, event.type)) : true))
    .filter(
      (event) =>
        (range.gt === undefined || event.created > range.gt) &&
        (range.gte === undefined || event.created >= range.gte) &&
        (range.lt === undefined || event.created < range.lt) &&
        (range.lte === undefined || event.created <= range.lte),
    )
    .reverse();
}
