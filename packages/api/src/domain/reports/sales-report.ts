import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { localDateOf, localInstant } from '../availability/slots';
import { ReportRangeInput, type SalesReport } from './schemas';

/**
 * The console's report tables for local dates `from`..`to` in the org's zone: a day is
 * the org's midnight to midnight, so a sale at 23:30 Paris counts on that Paris day.
 */
export async function salesReport(
  db: Db,
  orgId: string,
  rawInput: ReportRangeInput,
  now = new Date(),
): Promise<SalesReport> {
  const range = ReportRangeInput.parse(rawInput);
  const { timeZone } = await db
    .selectFrom('orgs')
    .select('timeZone')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const to = range.to ? Temporal.PlainDate.from(range.to) : localDateOf(now, timeZone);
  const from = range.from ? Temporal.PlainDate.from(range.from) : to.subtract({ days: 29 });
  const start = localInstant(from, '00:00', timeZone);
  const end = localInstant(to.add({ days: 1 }), '00:00', timeZone);
  const localDay = (column: string) =>
    sql<string>`to_char(${sql.ref(column)} AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;

  const sold = db
    .selectFrom('bookings as b')
    .where('b.orgId', '=', orgId)
    .where('b.confirmedAt', '>=', start)
    .where('b.confirmedAt', '<', end);

  const [revenueByDay, occupancy, byTicketType, byChannel, refunds] = await Promise.all([
    sold
      .select([
        localDay('b.confirmedAt').as('date'),
        'b.currency',
        sql<number>`count(*)::int`.as('bookings'),
        sql<number>`sum(b.total_amount)::int`.as('revenue'),
      ])
      .groupBy(['date', 'b.currency'])
      .orderBy('date')
      .orderBy('b.currency')
      .execute(),
    db
      .selectFrom('occurrences as oc')
      .innerJoin('offerings as o', 'o.id', 'oc.offeringId')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('occurrenceStock as st')
            .select([
              sql<number | null>`sum(st.capacity)::int`.as('capacity'),
              sql<number | null>`sum(st.sold)::int`.as('sold'),
            ])
            .whereRef('st.occurrenceId', '=', 'oc.id')
            .as('stock'),
        (join) => join.onTrue(),
      )
      .select([
        'oc.id as occurrenceId',
        'o.name as offeringName',
        'oc.startsAt',
        'oc.capacity as nominalCapacity',
        'stock.capacity',
        'stock.sold',
      ])
      .where('oc.orgId', '=', orgId)
      .where('oc.startsAt', '>=', start)
      .where('oc.startsAt', '<', end)
      .orderBy('oc.startsAt')
      .orderBy('o.name')
      .limit(2000)
      .execute(),
    sold
      .innerJoin('bookingItems as i', 'i.bookingId', 'b.id')
      .innerJoin('ticketTypes as t', 't.id', 'i.ticketTypeId')
      .innerJoin('offerings as o', 'o.id', 'b.offeringId')
      .select([
        't.name as ticketType',
        'o.name as offeringName',
        'i.currency',
        sql<number>`sum(i.quantity)::int`.as('quantity'),
        sql<number>`sum(i.total_amount)::int`.as('revenue'),
      ])
      .where('i.kind', 'in', ['seat', 'ticket'])
      .groupBy(['t.id', 't.name', 'o.name', 'i.currency'])
      .orderBy('o.name')
      .orderBy('t.name')
      .execute(),
    sold
      .select([
        'b.channel',
        'b.currency',
        sql<number>`count(*)::int`.as('bookings'),
        sql<number>`sum(b.total_amount)::int`.as('revenue'),
      ])
      .groupBy(['b.channel', 'b.currency'])
      .orderBy('b.channel')
      .orderBy('b.currency')
      .execute(),
    db
      .selectFrom('refunds as r')
      .select([
        localDay('r.completedAt').as('date'),
        'r.currency',
        sql<number>`count(*)::int`.as('refunds'),
        sql<number>`sum(r.amount)::int`.as('amount'),
      ])
      .where('r.orgId', '=', orgId)
      .where('r.status', '=', 'succeeded')
      .where('r.completedAt', '>=', start)
      .where('r.completedAt', '<', end)
      .groupBy(['date', 'r.currency'])
      .orderBy('date')
      .orderBy('r.currency')
      .execute(),
  ]);

  return {
    timeZone,
    from: from.toString(),
    to: to.toString(),
    revenueByDay,
    occupancy: occupancy.map(({ nominalCapacity, capacity, sold: soldCount, ...row }) => {
      // Appointments have no stock rows: their nominal capacity stands, nothing counted sold.
      const onSale = capacity ?? nominalCapacity;
      const taken = soldCount ?? 0;
      return {
        ...row,
        capacity: onSale,
        sold: taken,
        occupancyPercent: onSale ? Math.round((taken / onSale) * 1000) / 10 : 0,
      };
    }),
    byTicketType,
    byChannel,
    refunds,
  };
}
