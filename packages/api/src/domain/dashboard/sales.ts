import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { orgToday } from './org-today';
import type { DashboardSales, SalesFigure } from './schemas';

/**
 * Bookings confirmed today and over the last 7 local days (today included), as the reports
 * count revenue: on the day of confirmation, whatever happened to them later.
 */
export async function salesSummary(
  db: Db,
  orgId: string,
  now = new Date(),
): Promise<DashboardSales> {
  const day = await orgToday(db, orgId, now);
  const confirmedBetween = (start: Date, end: Date): Promise<SalesFigure[]> =>
    db
      .selectFrom('bookings')
      .select([
        'currency',
        sql<number>`sum(total_amount)::int`.as('amount'),
        sql<number>`count(*)::int`.as('bookings'),
      ])
      .where('orgId', '=', orgId)
      .where('confirmedAt', '>=', start)
      .where('confirmedAt', '<', end)
      .groupBy('currency')
      .orderBy('currency')
      .execute();
  const [today, last7Days] = await Promise.all([
    confirmedBetween(day.start, day.end),
    confirmedBetween(day.midnight(-6), day.end),
  ]);
  return { timeZone: day.timeZone, today, last7Days };
}
