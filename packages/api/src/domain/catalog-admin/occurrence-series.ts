import { stockOccurrence, type Db } from '@tessera/db';
import { notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import type { Tx } from '../shared/idempotency';
import { auditCatalogChange } from './audit';
import { ownOffering } from './offerings';
import { OccurrenceSeriesInput, type SeriesPreview } from './schemas';
import { seriesStarts } from './series';

const MINUTE_MS = 60_000;

async function planSeries(db: Db | Tx, orgId: string, rawInput: OccurrenceSeriesInput) {
  const input = OccurrenceSeriesInput.parse(rawInput);
  const offering = await ownOffering(db, orgId, input.offeringId);
  const starts = seriesStarts(input, offering.timeZone);
  const taken = starts.length
    ? await db
        .selectFrom('occurrences')
        .select('startsAt')
        .where('offeringId', '=', offering.id)
        .where(
          'startsAt',
          'in',
          starts.map((start) => start.startsAt),
        )
        .execute()
    : [];
  const takenAt = new Set(taken.map((row) => row.startsAt.getTime()));
  return {
    input,
    offering,
    fresh: starts.filter((start) => !takenAt.has(start.startsAt.getTime())),
    existing: starts.filter((start) => takenAt.has(start.startsAt.getTime())),
  };
}

/** What a series would create, in the offering's zone, without creating anything. */
export async function previewOccurrenceSeries(
  db: Db,
  orgId: string,
  input: OccurrenceSeriesInput,
): Promise<SeriesPreview> {
  const plan = await planSeries(db, orgId, input);
  return {
    timeZone: plan.offering.timeZone,
    starts: plan.fresh,
    existing: plan.existing.map((start) => start.localDate),
  };
}

/**
 * Creates the series' occurrences and their stock (seats of the map, ticket quotas) in one
 * transaction: a failure leaves no half series. Dates that already have an occurrence at
 * that instant are skipped, so submitting the same series twice creates nothing new.
 */
export async function createOccurrenceSeries(
  db: Db,
  rawInput: OccurrenceSeriesInput,
  staff: StaffMember,
  requestId: string,
): Promise<SeriesPreview & { created: number }> {
  return db.transaction().execute(async (tx) => {
    const { input, offering, fresh, existing } = await planSeries(tx, staff.orgId, rawInput);
    let capacity = input.capacity;
    if (!input.seatMapId && capacity === undefined) {
      const quotas = await tx
        .selectFrom('ticketTypes')
        .select((eb) =>
          eb.fn.coalesce(eb.fn.sum<number>('quotaPerOccurrence'), eb.lit(0)).as('total'),
        )
        .where('offeringId', '=', offering.id)
        .where('active', '=', true)
        .executeTakeFirstOrThrow();
      capacity = Number(quotas.total);
    }
    if (input.seatMapId) {
      const seats = await tx
        .selectFrom('seatMaps')
        .leftJoin('seats', (join) =>
          join.onRef('seats.seatMapId', '=', 'seatMaps.id').on('seats.blocked', '=', false),
        )
        .select((eb) => eb.fn.count<number>('seats.id').as('sellable'))
        .where('seatMaps.id', '=', input.seatMapId)
        .where('seatMaps.orgId', '=', staff.orgId)
        .groupBy('seatMaps.id')
        .executeTakeFirst();
      if (!seats) throw notFound('This seat map');
      capacity = Number(seats.sellable);
    }
    const ids: string[] = [];
    for (const start of fresh) {
      const occurrence = await tx
        .insertInto('occurrences')
        .values({
          orgId: staff.orgId,
          offeringId: offering.id,
          venueId: offering.venueId,
          seatMapId: input.seatMapId,
          startsAt: start.startsAt,
          endsAt: new Date(start.startsAt.getTime() + input.durationMinutes * MINUTE_MS),
          capacity: capacity ?? 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await stockOccurrence(tx, occurrence.id);
      ids.push(occurrence.id);
    }
    await auditCatalogChange(tx, staff, requestId, {
      action: 'occurrence.series_created',
      entityType: 'offering',
      entityId: offering.id,
      changes: { ...input, created: ids.length, occurrenceIds: ids },
    });
    return {
      timeZone: offering.timeZone,
      starts: fresh,
      existing: existing.map((start) => start.localDate),
      created: ids.length,
    };
  });
}
