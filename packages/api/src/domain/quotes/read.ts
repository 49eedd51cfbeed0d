import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import superjson from 'superjson';
import { AppError } from '../../errors';
import { SaleInventory } from '../sales/schemas';
import { offeringTimeZone } from '../shared/time-zone';
import { QuoteLine, type CustomerQuoteView, type QuoteStatus, type QuoteView } from './schemas';

/** The stored hold request (superjson keeps a slot's start a Date). */
export function storedInventory(value: unknown): SaleInventory | null {
  if (value === null) return null;
  return SaleInventory.parse(superjson.parse(JSON.stringify(value)));
}

function quotesQuery(db: Db) {
  return db
    .selectFrom('quotes as q')
    .innerJoin('orgs as g', 'g.id', 'q.orgId')
    .leftJoin('offerings as o', 'o.id', 'q.offeringId')
    .leftJoin('venues as v', 'v.id', 'o.venueId')
    .leftJoin('occurrences as oc', (join) =>
      join.on(sql<boolean>`oc.id = (q.inventory -> 'json' ->> 'occurrenceId')::uuid`),
    )
    .leftJoin('bookings as b', 'b.id', 'q.bookingId')
    .select([
      'q.id',
      'q.orgId',
      'q.reference',
      'q.status',
      'q.contactName',
      'q.contactEmail',
      'q.contactPhone',
      'q.inventory',
      'q.items',
      'q.subtotalAmount',
      'q.adjustmentKind',
      'q.adjustmentValue',
      'q.adjustmentAmount',
      'q.totalAmount',
      'q.currency',
      'q.expiresAt',
      'q.sentAt',
      'q.acceptedAt',
      'q.createdAt',
      'o.name as offeringName',
      'oc.startsAt as occurrenceStartsAt',
      'b.reference as bookingReference',
      'g.name as orgName',
      sql<string>`coalesce(${offeringTimeZone({ offering: 'o', venue: 'v', org: 'g' })}, g.time_zone)`.as(
        'timeZone',
      ),
    ]);
}

type QuoteRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof quotesQuery>['executeTakeFirst']>>
>;

/** A sent quote past its date reads as expired, whether or not anyone touched it since. */
function statusOf(row: QuoteRow, now: Date): QuoteStatus {
  return row.status === 'sent' && row.expiresAt && row.expiresAt <= now ? 'expired' : row.status;
}

function viewOf(row: QuoteRow, now: Date): QuoteView {
  const inventory = storedInventory(row.inventory);
  const money = (amount: number) => ({ amount, currency: row.currency });
  return {
    id: row.id,
    reference: row.reference,
    status: statusOf(row, now),
    contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone },
    offeringName: row.offeringName,
    startsAt:
      row.occurrenceStartsAt ?? (inventory && 'start' in inventory ? inventory.start : null),
    timeZone: row.timeZone,
    lines: QuoteLine.array().parse(row.items),
    subtotal: money(row.subtotalAmount),
    adjustment: {
      kind: row.adjustmentKind,
      value: row.adjustmentValue,
      amount: row.adjustmentAmount,
    },
    total: money(row.totalAmount),
    validUntil: row.expiresAt,
    sentAt: row.sentAt,
    acceptedAt: row.acceptedAt,
    bookingReference: row.bookingReference,
    createdAt: row.createdAt,
  };
}

export async function listQuotes(db: Db, orgId: string, now = new Date()): Promise<QuoteView[]> {
  const rows = await quotesQuery(db)
    .where('q.orgId', '=', orgId)
    .orderBy('q.createdAt', 'desc')
    .limit(100)
    .execute();
  return rows.map((row) => viewOf(row, now));
}

export async function quoteDetail(
  db: Db,
  orgId: string,
  quoteId: string,
  now = new Date(),
): Promise<QuoteView> {
  const row = await quotesQuery(db)
    .where('q.id', '=', quoteId)
    .where('q.orgId', '=', orgId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No quote of your organisation has this id.');
  return viewOf(row, now);
}

/** The offer behind a customer's link; a withdrawn offer or an old link is not found. */
export async function quoteByTokenHash(
  db: Db,
  tokenHash: string,
  now = new Date(),
): Promise<CustomerQuoteView> {
  const row = await quotesQuery(db)
    .where('q.tokenHash', '=', tokenHash)
    .where('q.status', '<>', 'withdrawn')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'This offer does not exist or was withdrawn.');
  // The procedure's output schema leaves out the staff-only fields (id, sent, created).
  return { ...viewOf(row, now), orgName: row.orgName };
}
