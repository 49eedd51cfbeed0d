import { offeringTimeZone } from '../shared/time-zone';
import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { dynamicUnitPrice, occupancyOf, remainingOf, rulesFor, type StockCount } from '../pricing';
import { offeringNotFound } from './offering';
import {
  DAY_MS,
  DEFAULT_WINDOW_DAYS,
  MAX_OCCURRENCES,
  OfferingOccurrencesInput,
  type OfferingOccurrences,
} from './occurrences-schemas';

interface SalesWindow {
  salesStartAt: Date | null;
  salesEndAt: Date | null;
}

export const windowOpen = (window: SalesWindow, now: Date): boolean =>
  (window.salesStartAt === null || window.salesStartAt <= now) &&
  (window.salesEndAt === null || window.salesEndAt > now);

/** The scheduled, future dates of a published offering, with stock and the current "from" price. */
export async function offeringOccurrences(
  db: Db,
  rawInput: OfferingOccurrencesInput,
  now = new Date(),
): Promise<OfferingOccurrences> {
  const input = OfferingOccurrencesInput.parse(rawInput);
  const from = input.from ?? now;
  const to = input.to ?? new Date(from.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS);

  const offering = await db
    .selectFrom('offerings as o')
    .innerJoin('orgs', 'orgs.id', 'o.orgId')
    .leftJoin('venues as v', 'v.id', 'o.venueId')
    .select([
      'o.id',
      'o.currency',
      offeringTimeZone({ offering: 'o', venue: 'v', org: 'orgs' }).as('timeZone'),
    ])
    .where('o.id', '=', input.offeringId)
    .where('o.status', '=', 'published')
    .executeTakeFirst();
  if (!offering) throw offeringNotFound();

  const [occurrences, ticketTypes, rules] = await Promise.all([
    db
      .selectFrom('occurrences as oc')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('occurrenceStock as st')
            .select([
              sql<number | null>`sum(st.capacity)::int`.as('capacity'),
              sql<number | null>`sum(st.sold)::int`.as('sold'),
              sql<number | null>`sum(st.held)::int`.as('held'),
            ])
            .whereRef('st.occurrenceId', '=', 'oc.id')
            .as('stock'),
        (join) => join.onTrue(),
      )
      .select([
        'oc.id',
        'oc.startsAt',
        'oc.endsAt',
        'oc.status',
        'oc.capacity',
        'oc.salesStartAt',
        'oc.salesEndAt',
        'stock.capacity as stockCapacity',
        'stock.sold as stockSold',
        'stock.held as stockHeld',
      ])
      .where('oc.offeringId', '=', offering.id)
      .where('oc.status', '=', 'scheduled')
      .where('oc.startsAt', '>', now)
      .where('oc.startsAt', '>=', from)
      .where('oc.startsAt', '<', to)
      .orderBy('oc.startsAt')
      .limit(MAX_OCCURRENCES)
      .execute(),
    db
      .selectFrom('ticketTypes')
      .select(['id', 'priceAmount', 'salesStartAt', 'salesEndAt'])
      .where('offeringId', '=', offering.id)
      .where('active', '=', true)
      .execute(),
    db
      .selectFrom('priceRules')
      .select([
        'kind',
        'threshold',
        'adjustmentKind',
        'adjustmentValue',
        'priority',
        'ticketTypeId',
      ])
      .where('offeringId', '=', offering.id)
      .where('active', '=', true)
      .execute(),
  ]);

  const anyTypeOnSale = ticketTypes.some((type) => windowOpen(type, now));
  return {
    timeZone: offering.timeZone,
    items: occurrences.map((occurrence) => {
      // Without stock rows (nothing stocked yet) the nominal capacity is all there is.
      const stock: StockCount =
        occurrence.stockCapacity === null
          ? { capacity: occurrence.capacity, sold: 0, held: 0 }
          : {
              capacity: occurrence.stockCapacity,
              sold: occurrence.stockSold ?? 0,
              held: occurrence.stockHeld ?? 0,
            };
      const state = {
        occupancyPercent: occupancyOf(stock),
        hoursToStart: (occurrence.startsAt.getTime() - now.getTime()) / 3_600_000,
      };
      const prices = ticketTypes.map((type) =>
        dynamicUnitPrice(type.priceAmount, rulesFor(rules, type.id), state),
      );
      return {
        id: occurrence.id,
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
        status: occurrence.status,
        capacity: stock.capacity,
        remaining: remainingOf(stock),
        fromPrice: prices.length
          ? { amount: Math.min(...prices), currency: offering.currency }
          : null,
        salesOpen: anyTypeOnSale && windowOpen(occurrence, now),
      };
    }),
  };
}
