import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { Tx } from '../shared/idempotency';
import type { HoldView } from './schemas';

export interface HoldRequester {
  /** user:<id>, key:<id> or ip:<address>: who the live-hold cap counts against. */
  clientKey: string;
  userId: string | null;
  source: 'customer' | 'api' | 'staff';
}

export interface NewHoldItem {
  kind: 'seat' | 'ticket' | 'slot' | 'add_on';
  quantity: number;
  unitAmount: number;
  seatId?: string;
  ticketTypeId?: string;
  addOnId?: string;
  resourceId?: string;
  startsAt?: Date;
  endsAt?: Date;
  /** What `describeItem` names the item by, known to the caller: the view is built without a read. */
  labels?: ItemLabels;
}

export type ItemLabels = Partial<
  Record<
    'section' | 'rowLabel' | 'number' | 'ticketTypeName' | 'addOnName' | 'resourceName',
    string
  >
>;

export interface InsertedHold {
  id: string;
  expiresAt: Date;
  /** `expires_at <= now()`, as `holdView` judges it (now() is the transaction's start). */
  lapsed: boolean;
}

export interface NewHold {
  orgId: string;
  offeringId: string;
  occurrenceId: string | null;
  holdMinutes: number;
  currency: string;
  requester: HoldRequester;
  originStopId?: string;
  destinationStopId?: string;
}

/** The hold row; its expiry comes from the database clock, the one every claim compares with. */
export async function insertHold(tx: Tx, hold: NewHold): Promise<InsertedHold> {
  return tx
    .insertInto('holds')
    .values({
      orgId: hold.orgId,
      offeringId: hold.offeringId,
      occurrenceId: hold.occurrenceId,
      customerUserId: hold.requester.userId,
      clientKey: hold.requester.clientKey,
      source: hold.requester.source,
      expiresAt: sql<Date>`now() + make_interval(mins => ${hold.holdMinutes})`,
      currency: hold.currency,
      originStopId: hold.originStopId ?? null,
      destinationStopId: hold.destinationStopId ?? null,
    })
    .returning(['id', 'expiresAt', sql<boolean>`expires_at <= now()`.as('lapsed')])
    .executeTakeFirstOrThrow();
}

/** The items and the hold's total in ONE statement (a data-modifying CTE); returns the total. */
export async function saveHoldItems(
  tx: Tx,
  hold: { id: string; orgId: string; currency: string },
  items: NewHoldItem[],
): Promise<number> {
  const total = items.reduce((sum, item) => sum + item.quantity * item.unitAmount, 0);
  await tx
    .with('items', (qc) =>
      qc
        .insertInto('holdItems')
        .values(
          items.map((item) => ({
            orgId: hold.orgId,
            holdId: hold.id,
            kind: item.kind,
            quantity: item.quantity,
            unitAmount: item.unitAmount,
            currency: hold.currency,
            seatId: item.seatId ?? null,
            ticketTypeId: item.ticketTypeId ?? null,
            addOnId: item.addOnId ?? null,
            resourceId: item.resourceId ?? null,
            startsAt: item.startsAt ?? null,
            endsAt: item.endsAt ?? null,
          })),
        )
        .returning('holdItems.id'),
    )
    .updateTable('holds')
    .set({ totalAmount: total })
    .where('id', '=', hold.id)
    .execute();
  return total;
}

/**
 * The view of a hold just created, built from what its creator wrote: the same answer as
 * `holdView` would read back (items by kind, seats already in the database's seat order).
 */
export function newHoldView(
  hold: InsertedHold & {
    offeringId: string;
    occurrenceId: string | null;
    currency: string;
    total: number;
  },
  items: readonly NewHoldItem[],
): HoldView {
  const byKind = [...items].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return {
    holdId: hold.id,
    status: hold.lapsed ? 'expired' : 'active',
    offeringId: hold.offeringId,
    occurrenceId: hold.occurrenceId,
    expiresAt: hold.expiresAt,
    total: { amount: hold.total, currency: hold.currency },
    items: byKind.map((item) => {
      const labels = item.labels ?? {};
      return {
        kind: item.kind,
        description: describeItem({
          kind: item.kind,
          section: labels.section ?? null,
          rowLabel: labels.rowLabel ?? null,
          number: labels.number ?? null,
          ticketTypeName: labels.ticketTypeName ?? null,
          addOnName: labels.addOnName ?? null,
          resourceName: labels.resourceName ?? null,
        }),
        quantity: item.quantity,
        unitPrice: { amount: item.unitAmount, currency: hold.currency },
        seatId: item.seatId ?? null,
        ticketTypeId: item.ticketTypeId ?? null,
        addOnId: item.addOnId ?? null,
        resourceId: item.resourceId ?? null,
        startsAt: item.startsAt ?? null,
        endsAt: item.endsAt ?? null,
      };
    }),
  };
}

/** Live holds of one client: the anti-hoarding cap counts these. */
export async function countLiveHolds(db: Db | Tx, clientKey: string): Promise<number> {
  const { n } = await db
    .selectFrom('holds')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('clientKey', '=', clientKey)
    .where('status', '=', 'active')
    .where('expiresAt', '>', sql<Date>`now()`)
    .executeTakeFirstOrThrow();
  return n;
}

/** A hold as its holder sees it; an active hold past its expiry reads as expired. */
export async function holdView(db: Db | Tx, holdId: string): Promise<HoldView> {
  const hold = await db
    .selectFrom('holds')
    .select([
      'id',
      'status',
      'offeringId',
      'occurrenceId',
      'expiresAt',
      'totalAmount',
      'currency',
      sql<boolean>`expires_at <= now()`.as('lapsed'),
    ])
    .where('id', '=', holdId)
    .executeTakeFirst();
  if (!hold) throw new AppError('NOT_FOUND', 'This hold was not found. It may have been released.');
  const items = await db
    .selectFrom('holdItems as hi')
    .leftJoin('seats as s', 's.id', 'hi.seatId')
    .leftJoin('ticketTypes as tt', 'tt.id', 'hi.ticketTypeId')
    .leftJoin('addOns as a', 'a.id', 'hi.addOnId')
    .leftJoin('resources as r', 'r.id', 'hi.resourceId')
    .select([
      'hi.kind',
      'hi.quantity',
      'hi.unitAmount',
      'hi.currency',
      'hi.seatId',
      'hi.ticketTypeId',
      'hi.addOnId',
      'hi.resourceId',
      'hi.startsAt',
      'hi.endsAt',
      's.section',
      's.rowLabel',
      's.number',
      'tt.name as ticketTypeName',
      'a.name as addOnName',
      'r.name as resourceName',
    ])
    .where('hi.holdId', '=', holdId)
    .orderBy('hi.kind')
    .orderBy('s.section')
    .orderBy('s.rowLabel')
    .orderBy('s.number')
    .execute();
  return {
    holdId: hold.id,
    status: hold.status === 'active' && hold.lapsed ? 'expired' : hold.status,
    offeringId: hold.offeringId,
    occurrenceId: hold.occurrenceId,
    expiresAt: hold.expiresAt,
    total: { amount: hold.totalAmount, currency: hold.currency },
    items: items.map((item) => ({
      kind: item.kind,
      description: describeItem(item),
      quantity: item.quantity,
      unitPrice: { amount: item.unitAmount, currency: item.currency },
      seatId: item.seatId,
      ticketTypeId: item.ticketTypeId,
      addOnId: item.addOnId,
      resourceId: item.resourceId,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
    })),
  };
}

export function describeItem(item: {
  kind: string;
  section: string | null;
  rowLabel: string | null;
  number: string | null;
  ticketTypeName: string | null;
  addOnName: string | null;
  resourceName: string | null;
}): string {
  switch (item.kind) {
    case 'seat':
      return `${item.section ?? ''}, Row ${item.rowLabel ?? ''}, Seat ${item.number ?? ''}${item.ticketTypeName ? ` (${item.ticketTypeName})` : ''}`;
    case 'add_on':
      return item.addOnName ?? 'Extra';
    case 'slot':
      return item.resourceName ?? 'Appointment';
    default:
      return item.ticketTypeName ?? 'Ticket';
  }
}
