import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import {
  dynamicUnitPrice,
  occupancyOf,
  remainingOf,
  rulesFor,
  type PriceRuleInput,
} from '../pricing';
import { SearchTripsInput, type TripSearchResults } from './trips-schemas';

interface TripRow {
  occurrenceId: string;
  startsAt: Date;
  offeringId: string;
  offeringSlug: string;
  offeringName: string;
  currency: string;
  originStopId: string;
  originName: string;
  originCity: string;
  originTimeZone: string;
  destinationStopId: string;
  destinationName: string;
  destinationCity: string;
  destinationTimeZone: string;
  departsAt: Date;
  arrivesAt: Date;
  durationMinutes: number;
  capacity: number;
  sold: number;
  held: number;
  ticketTypeId: string;
  baseAmount: number;
}

/**
 * Departures of published trips from `origin` to `destination` (a city or stop name) on a
 * local date. The date is the origin stop's: a 00:30 departure in Algiers belongs to that
 * Algiers day although it is 23:30 UTC the day before, so the comparison is done in SQL on
 * the departure's wall time in the stop's zone. A route with several matching stops gives
 * one result per departure: the latest matching boarding stop and the earliest alighting one.
 */
export async function searchTrips(
  db: Db,
  rawInput: SearchTripsInput,
  now = new Date(),
): Promise<TripSearchResults> {
  const input = SearchTripsInput.parse(rawInput);
  const { rows } = await sql<TripRow>`
    SELECT * FROM (
      SELECT DISTINCT ON (oc.id)
        oc.id AS occurrence_id, oc.starts_at,
        o.id AS offering_id, o.slug AS offering_slug, o.name AS offering_name, o.currency,
        a.id AS origin_stop_id, a.name AS origin_name, a.city AS origin_city, a.time_zone AS origin_time_zone,
        b.id AS destination_stop_id, b.name AS destination_name, b.city AS destination_city,
        b.time_zone AS destination_time_zone,
        oc.starts_at + make_interval(mins => a.departure_offset_minutes) AS departs_at,
        oc.starts_at + make_interval(mins => coalesce(b.arrival_offset_minutes, b.departure_offset_minutes)) AS arrives_at,
        coalesce(b.arrival_offset_minutes, b.departure_offset_minutes) - a.departure_offset_minutes AS duration_minutes,
        coalesce(st.capacity, oc.capacity) AS capacity, coalesce(st.sold, 0) AS sold, coalesce(st.held, 0) AS held,
        tt.id AS ticket_type_id, coalesce(sf.price_amount, tt.price_amount) AS base_amount
      FROM trip_stops a
      JOIN trip_stops b ON b.offering_id = a.offering_id AND b.position > a.position
      JOIN offerings o ON o.id = a.offering_id
      JOIN occurrences oc ON oc.offering_id = o.id
      -- The passenger fare: the first active ticket type ("Adult"), at the pair's segment fare if any.
      JOIN LATERAL (
        SELECT t.id, t.price_amount FROM ticket_types t
        WHERE t.offering_id = o.id AND t.active
        ORDER BY t.sort_order, t.price_amount, t.id LIMIT 1
      ) tt ON true
      LEFT JOIN segment_fares sf
        ON sf.ticket_type_id = tt.id AND sf.origin_stop_id = a.id AND sf.destination_stop_id = b.id
      LEFT JOIN LATERAL (
        SELECT sum(s.capacity)::int AS capacity, sum(s.sold)::int AS sold, sum(s.held)::int AS held
        FROM occurrence_stock s WHERE s.occurrence_id = oc.id
      ) st ON st.capacity IS NOT NULL
      WHERE (lower(a.city) = lower(${input.origin}) OR lower(a.name) = lower(${input.origin}))
        AND (lower(b.city) = lower(${input.destination}) OR lower(b.name) = lower(${input.destination}))
        AND a.departure_offset_minutes IS NOT NULL
        AND coalesce(b.arrival_offset_minutes, b.departure_offset_minutes) IS NOT NULL
        AND o.status = 'published' AND o.kind = 'trip'
        AND oc.status = 'scheduled'
        AND (oc.sales_end_at IS NULL OR oc.sales_end_at > ${now})
        -- Loose bound for the index: a departure on local day D is before D + 2 days UTC.
        AND oc.starts_at < (${input.date}::date + 2)::timestamp AT TIME ZONE 'UTC'
        AND ((oc.starts_at + make_interval(mins => a.departure_offset_minutes)) AT TIME ZONE a.time_zone)::date
            = ${input.date}::date
        AND oc.starts_at + make_interval(mins => a.departure_offset_minutes) > ${now}
        AND coalesce(st.capacity, oc.capacity) - coalesce(st.sold, 0) - coalesce(st.held, 0) >= ${input.passengers}
      ORDER BY oc.id, a.position DESC, b.position ASC
    ) trips
    ORDER BY departs_at, occurrence_id
  `.execute(db);
  if (rows.length === 0) return { items: [] };

  const offeringIds = [...new Set(rows.map((row) => row.offeringId))];
  const rules = await db
    .selectFrom('priceRules')
    .select([
      'offeringId',
      'kind',
      'threshold',
      'adjustmentKind',
      'adjustmentValue',
      'priority',
      'ticketTypeId',
    ])
    .where('offeringId', 'in', offeringIds)
    .where('active', '=', true)
    .execute();
  const rulesByOffering = new Map<string, PriceRuleInput[]>();
  for (const { offeringId, ...rule } of rules) {
    rulesByOffering.set(offeringId, [...(rulesByOffering.get(offeringId) ?? []), rule]);
  }

  return {
    items: rows.map((row) => {
      const stock = { capacity: row.capacity, sold: row.sold, held: row.held };
      const price = dynamicUnitPrice(
        row.baseAmount,
        rulesFor(rulesByOffering.get(row.offeringId) ?? [], row.ticketTypeId),
        {
          occupancyPercent: occupancyOf(stock),
          hoursToStart: (row.startsAt.getTime() - now.getTime()) / 3_600_000,
        },
      );
      return {
        occurrenceId: row.occurrenceId,
        offering: { id: row.offeringId, slug: row.offeringSlug, name: row.offeringName },
        origin: {
          stopId: row.originStopId,
          name: row.originName,
          city: row.originCity,
          timeZone: row.originTimeZone,
          departsAt: row.departsAt,
        },
        destination: {
          stopId: row.destinationStopId,
          name: row.destinationName,
          city: row.destinationCity,
          timeZone: row.destinationTimeZone,
          arrivesAt: row.arrivesAt,
        },
        durationMinutes: row.durationMinutes,
        remaining: remainingOf(stock),
        price: { amount: price, currency: row.currency },
        timeZone: row.originTimeZone,
      };
    }),
  };
}
