import { prepared, type Db, type Seats } from '@tessera/db';
import { CompiledQuery, sql, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { AppError } from '../../errors';
import type { TaxRateInput } from './breakdown';
import { dynamicUnitPrice, type PriceRuleInput } from './dynamic';

/** Rows of `occurrence_stock`: an expired hold already counts as free there. */
export interface StockCount {
  capacity: number;
  sold: number;
  held: number;
}

export const remainingOf = (stock: StockCount): number =>
  Math.max(0, stock.capacity - stock.sold - stock.held);

export interface PricingTicketType {
  id: string;
  name: string;
  /** Base price in minor units, before dynamic rules. */
  priceAmount: number;
  seatCategory: string | null;
  quotaPerOccurrence: number | null;
  minPerOrder: number;
  maxPerOrder: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  active: boolean;
  sortOrder: number;
  /** This occurrence's general-admission units of the type; null when it has none. */
  stock: StockCount | null;
}

export interface PricingContext {
  occurrence: {
    id: string;
    orgId: string;
    offeringId: string;
    offeringStatus: 'draft' | 'published' | 'archived';
    status: 'scheduled' | 'cancelled' | 'completed';
    startsAt: Date;
    endsAt: Date;
    capacity: number;
    seatMapId: string | null;
    salesStartAt: Date | null;
    salesEndAt: Date | null;
    /** Venue's zone, else the first stop's, else the org's. */
    timeZone: string;
  };
  currency: string;
  taxRate: TaxRateInput | null;
  /** Active rules of the offering, for every ticket type (see `unitPriceFor`). */
  rules: PriceRuleInput[];
  /** Sold + live-held over capacity across all stock rows, 0..100. */
  occupancyPercent: number;
  hoursToStart: number;
  /** All ticket types of the offering, inactive ones included, by sort order. */
  ticketTypes: PricingTicketType[];
  /** Totals over every stock row (seats and units); the nominal capacity when there are none. */
  stock: StockCount;
}

/** Stock totals, and the occupancy that dynamic rules step on. */
export function occupancyOf(stock: StockCount): number {
  return stock.capacity > 0 ? (100 * (stock.sold + stock.held)) / stock.capacity : 0;
}

const toDate = (value: string | null): Date | null => (value === null ? null : new Date(value));

/**
 * Everything needed to price any ticket of one occurrence, in ONE query (the rules, types
 * and stock come back as JSON arrays), with the offering's terms (its kind: a trip prices
 * journeys): the hold path and availability share it, so the price a customer sees is the
 * price the hold charges. Throws NOT_FOUND for an unknown occurrence; callers decide what
 * unpublished or cancelled means for them.
 */
export async function loadPricingContext(
  db: Db,
  occurrenceId: string,
  now = new Date(),
): Promise<{ pricing: PricingContext; terms: HoldTerms }> {
  return loadContext(db, occurrenceId, now, true);
}

/** What hold creation needs of the offering besides prices. */
export interface HoldTerms {
  kind: 'event' | 'trip' | 'appointment';
  maxPerOrder: number;
  /** The offering's hold length, else the org's. */
  holdMinutes: number;
}

/** A requested seat as the seat map describes it (seatId, section, rowLabel, number, category). */
export type HoldContextSeat = Awaited<ReturnType<typeof requestedSeats>>[number];

/**
 * The pricing context plus the offering's hold terms, in the same ONE query, for hold
 * creation. The claims decide availability, so the stock sum (a scan of every seat and unit
 * of the occurrence) is only made when an occupancy rule prices on it: otherwise `stock` is
 * the nominal capacity and ticket types carry no stock. Given `seatIds`, a second query, run
 * alongside, returns those seats (unknown ids left out) in the database's seat order, so a
 * hold can be priced before its claim and written in one statement.
 */
export async function loadHoldContext(
  db: Db,
  occurrenceId: string,
  now = new Date(),
  seatIds?: readonly string[],
): Promise<{ pricing: PricingContext; terms: HoldTerms; seats: HoldContextSeat[] }> {
  const [context, seats] = await Promise.all([
    loadContext(db, occurrenceId, now, false),
    seatIds?.length ? requestedSeats(db, seatIds) : [],
  ]);
  return { ...context, seats };
}

const SEATS_SQL = prepared(`
  SELECT id AS seat_id, section, row_label, number, category, accessible
  FROM seats WHERE id = ANY($1::uuid[])
  ORDER BY section, row_label, number`);

/**
 * Its own statement, not a part of the context query: with the seat list in it, PostgreSQL
 * re-planned the whole context query on every hold (a list's length is known to a custom
 * plan only, which made the generic plan look dearer), 0.4 ms of a seat hold's 0.9 ms read.
 */
async function requestedSeats(db: Db, seatIds: readonly string[]) {
  const { rows } = await db.executeQuery<
    Pick<Selectable<Seats>, 'section' | 'rowLabel' | 'number' | 'category' | 'accessible'> & {
      seatId: string;
    }
  >(CompiledQuery.raw(SEATS_SQL, [seatIds]));
  return rows;
}

// Placeholders the cached queries are compiled with; each call swaps in its own values.
const OCCURRENCE = '00000000-0000-4000-8000-00000000c0de';

type ContextRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof contextQuery>['executeTakeFirst']>>
>;
const compiled = new Map<boolean, CompiledQuery<ContextRow>>();

/**
 * Built and compiled once per shape (stock or not), and prepared: building it
 * per call was a measurable share of a hold's CPU, planning it most of its database time.
 * Constants are SQL literals, not parameters, so the generic plan can use the partial indexes. Every `Db` comes from `createDb` (PostgreSQL,
 * CamelCasePlugin), so SQL compiled on one runs on all.
 */
function compiledContextQuery(db: Db, alwaysStock: boolean): CompiledQuery<ContextRow> {
  let query = compiled.get(alwaysStock);
  if (!query) {
    query = contextQuery(db, alwaysStock).compile();
    prepared(query.sql);
    compiled.set(alwaysStock, query);
  }
  return query;
}

function contextQuery(db: Db, alwaysStock: boolean) {
  return db
    .selectFrom('occurrences as oc')
    .innerJoin('offerings as o', 'o.id', 'oc.offeringId')
    .innerJoin('orgs', 'orgs.id', 'oc.orgId')
    .leftJoin('taxRates as tr', 'tr.id', 'o.taxRateId')
    .leftJoin('venues as v', (join) =>
      join.on(sql<boolean>`v.id = coalesce(oc.venue_id, o.venue_id)`),
    )
    .select((eb) => [
      'oc.id',
      'oc.orgId',
      'oc.offeringId',
      'o.status as offeringStatus',
      'oc.status',
      'oc.startsAt',
      'oc.endsAt',
      'oc.capacity',
      'oc.seatMapId',
      'oc.salesStartAt',
      'oc.salesEndAt',
      'o.currency',
      'o.kind',
      'o.maxPerOrder',
      eb.fn.coalesce('o.holdMinutes', 'orgs.holdMinutes').as('holdMinutes'),
      'tr.rateBasisPoints',
      'tr.inclusive',
      eb.fn
        .coalesce(
          'v.timeZone',
          eb
            .selectFrom('tripStops as ts')
            .select('ts.timeZone')
            .whereRef('ts.offeringId', '=', 'o.id')
            .orderBy('ts.position')
            .limit(1),
          'orgs.timeZone',
        )
        .as('timeZone'),
      jsonArrayFrom(
        eb
          .selectFrom('ticketTypes as tt')
          .select([
            'tt.id',
            'tt.name',
            'tt.priceAmount',
            'tt.seatCategory',
            'tt.quotaPerOccurrence',
            'tt.minPerOrder',
            'tt.maxPerOrder',
            // JSON carries timestamps as strings; typed so, and parsed below.
            sql<string | null>`tt.sales_start_at`.as('salesStartAt'),
            sql<string | null>`tt.sales_end_at`.as('salesEndAt'),
            'tt.active',
            'tt.sortOrder',
          ])
          .whereRef('tt.offeringId', '=', 'o.id')
          .orderBy('tt.sortOrder')
          .orderBy('tt.priceAmount')
          .orderBy('tt.id'),
      ).as('ticketTypes'),
      jsonArrayFrom(
        eb
          .selectFrom('priceRules as pr')
          .select([
            'pr.kind',
            'pr.threshold',
            'pr.adjustmentKind',
            'pr.adjustmentValue',
            'pr.priority',
            'pr.ticketTypeId',
          ])
          .whereRef('pr.offeringId', '=', 'o.id')
          .where('pr.active', '=', sql.lit(true)),
      ).as('rules'),
      jsonArrayFrom(
        eb
          .selectFrom('occurrenceStock as st')
          .select(['st.ticketTypeId', 'st.capacity', 'st.sold', 'st.held'])
          .whereRef('st.occurrenceId', '=', 'oc.id')
          .where((w) =>
            alwaysStock
              ? w.lit(true)
              : w.exists(
                  w
                    .selectFrom('priceRules as occ')
                    .select(w.lit(1).as('one'))
                    .whereRef('occ.offeringId', '=', 'o.id')
                    .where('occ.active', '=', sql.lit(true))
                    .where('occ.kind', '=', sql.lit('occupancy')),
                ),
          ),
      ).as('stockRows'),
    ])
    .where('oc.id', '=', OCCURRENCE);
}

async function loadContext(db: Db, occurrenceId: string, now: Date, alwaysStock: boolean) {
  const query = compiledContextQuery(db, alwaysStock);
  const parameters = query.parameters.map((value) => (value === OCCURRENCE ? occurrenceId : value));
  const row = (await db.executeQuery<ContextRow>({ ...query, parameters })).rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'This date was not found.');

  const stockByType = new Map<string, StockCount>();
  const stock: StockCount = { capacity: 0, sold: 0, held: 0 };
  for (const part of row.stockRows) {
    const count = { capacity: part.capacity ?? 0, sold: part.sold ?? 0, held: part.held ?? 0 };
    if (part.ticketTypeId) stockByType.set(part.ticketTypeId, count);
    stock.capacity += count.capacity;
    stock.sold += count.sold;
    stock.held += count.held;
  }
  // Appointments and occurrences created before stocking have no rows: nominal capacity.
  const totals = row.stockRows.length > 0 ? stock : { capacity: row.capacity, sold: 0, held: 0 };

  const terms: HoldTerms = {
    kind: row.kind,
    maxPerOrder: row.maxPerOrder,
    holdMinutes: row.holdMinutes,
  };
  const pricing: PricingContext = {
    occurrence: {
      id: row.id,
      orgId: row.orgId,
      offeringId: row.offeringId,
      offeringStatus: row.offeringStatus,
      status: row.status,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      capacity: row.capacity,
      seatMapId: row.seatMapId,
      salesStartAt: row.salesStartAt,
      salesEndAt: row.salesEndAt,
      timeZone: row.timeZone,
    },
    currency: row.currency,
    taxRate:
      row.rateBasisPoints === null || row.inclusive === null
        ? null
        : { rateBasisPoints: row.rateBasisPoints, inclusive: row.inclusive },
    rules: row.rules,
    occupancyPercent: occupancyOf(totals),
    hoursToStart: (row.startsAt.getTime() - now.getTime()) / 3_600_000,
    ticketTypes: row.ticketTypes.map((type) => ({
      ...type,
      salesStartAt: toDate(type.salesStartAt),
      salesEndAt: toDate(type.salesEndAt),
      stock: stockByType.get(type.id) ?? null,
    })),
    stock: totals,
  };
  return { pricing, terms };
}

/**
 * The ticket type a seat of `category` sells under when no fare is chosen for it: the first
 * active type (by sort order) tied to the category, else the offering's default fare (an
 * active type with neither category nor quota: a coach's one fare). Undefined: not on sale.
 */
export function seatTicketType(
  ctx: PricingContext,
  category: string,
): PricingTicketType | undefined {
  return (
    ctx.ticketTypes.find((type) => type.active && type.seatCategory === category) ??
    ctx.ticketTypes.find(
      (type) => type.active && !type.seatCategory && type.quotaPerOccurrence === null,
    )
  );
}

/** The rules that apply to one ticket type: its own and the offering-wide ones. */
export function rulesFor(rules: readonly PriceRuleInput[], ticketTypeId: string): PriceRuleInput[] {
  return rules.filter((rule) => rule.ticketTypeId === null || rule.ticketTypeId === ticketTypeId);
}

/**
 * The current unit price of a ticket type of the loaded occurrence, in minor units.
 * `baseAmount` replaces the type's price when another base applies (a trip's segment fare);
 * the same dynamic rules step on it.
 */
export function unitPriceFor(
  ctx: PricingContext,
  ticketTypeId: string,
  baseAmount?: number,
): number {
  const type = ctx.ticketTypes.find((candidate) => candidate.id === ticketTypeId);
  if (!type) throw new AppError('NOT_FOUND', 'This ticket type was not found for this date.');
  return dynamicUnitPrice(baseAmount ?? type.priceAmount, rulesFor(ctx.rules, ticketTypeId), ctx);
}
