import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import superjson from 'superjson';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import { newReference } from '../bookings/reference';
import { enqueueOutbox } from '../shared/outbox';
import { priceInventory } from './price-inventory';
import { quoteDetail } from './read';
import type { CreateQuoteInput, QuoteLine, QuoteView } from './schemas';
import { hashQuoteToken, newQuoteToken } from './token';
import { quoteTotals } from './totals';

const MAX_VALIDITY_DAYS = 90;
const DAY_MS = 86_400_000;

interface StaffCall {
  requestId: string;
}

/**
 * A draft offer: the inventory priced by the engine now (not held), custom lines, and a
 * markup or discount. Its total is fixed here; accepting charges exactly this.
 */
export async function createQuote(
  db: Db,
  input: CreateQuoteInput,
  staff: StaffMember,
  { requestId }: StaffCall,
  now = new Date(),
): Promise<QuoteView> {
  if (
    input.validUntil <= now ||
    input.validUntil.getTime() - now.getTime() > MAX_VALIDITY_DAYS * DAY_MS
  )
    throw new AppError(
      'VALIDATION',
      `An offer is valid from now up to ${MAX_VALIDITY_DAYS} days ahead.`,
      { field: 'validUntil' },
    );
  const priced = input.inventory
    ? await priceInventory(db, staff.orgId, input.inventory, now)
    : null;
  const org = await db
    .selectFrom('orgs')
    .select('currency')
    .where('id', '=', staff.orgId)
    .executeTakeFirstOrThrow();
  const currency = priced?.currency ?? input.currency ?? org.currency;
  if (input.currency && input.currency !== currency)
    throw new AppError('VALIDATION', `These places are sold in ${currency}.`, {
      field: 'currency',
    });
  const lines: QuoteLine[] = [
    ...(priced?.lines ?? []),
    ...input.customLines.map((line) => ({
      kind: 'custom' as const,
      description: line.description,
      quantity: 1,
      unitAmount: line.amount,
      amount: line.amount,
    })),
  ];
  const totals = quoteTotals(lines, input.adjustment);
  const id = await db.transaction().execute(async (tx) => {
    for (;;) {
      const row = await tx
        .insertInto('quotes')
        .values({
          orgId: staff.orgId,
          reference: `Q${newReference()}`,
          createdBy: staff.actor.userId,
          contactName: input.contact.name,
          contactEmail: input.contact.email,
          contactPhone: input.contact.phone ?? null,
          offeringId: priced?.offeringId ?? null,
          inventory: input.inventory ? superjson.stringify(input.inventory) : null,
          items: JSON.stringify(lines),
          subtotalAmount: totals.subtotal,
          adjustmentKind: input.adjustment.kind,
          adjustmentValue: input.adjustment.kind === 'none' ? 0 : input.adjustment.value,
          adjustmentAmount: totals.adjustmentAmount,
          totalAmount: totals.total,
          currency,
          expiresAt: input.validUntil,
        })
        .onConflict((oc) => oc.column('reference').doNothing())
        .returning(['id', 'reference'])
        .executeTakeFirst();
      if (!row) continue;
      await recordAudit(tx, {
        orgId: staff.orgId,
        actor: staff.actor,
        action: 'quote.created',
        entityType: 'quote',
        entityId: row.id,
        changes: {
          reference: row.reference,
          total: totals.total,
          currency,
          adjustment: input.adjustment,
          contactEmail: input.contact.email,
        },
        requestId,
      });
      return row.id;
    }
  });
  return quoteDetail(db, staff.orgId, id, now);
}

/**
 * Emails the offer's link (a new one each time: an earlier link stops working). A draft or
 * sent quote still valid can be sent; accepted, withdrawn or expired ones cannot.
 */
export async function sendQuote(
  db: Db,
  quoteId: string,
  staff: StaffMember,
  { requestId, siteUrl }: StaffCall & { siteUrl: string },
): Promise<{ offerUrl: string }> {
  const token = newQuoteToken();
  const offerUrl = new URL(`/quotes/${token}`, siteUrl).toString();
  await db.transaction().execute(async (tx) => {
    const quote = await tx
      .updateTable('quotes')
      .set((eb) => ({
        status: 'sent',
        tokenHash: hashQuoteToken(token),
        sentAt: eb.fn('now', []),
        updatedAt: eb.fn('now', []),
      }))
      .where('id', '=', quoteId)
      .where('orgId', '=', staff.orgId)
      .where('status', 'in', ['draft', 'sent'])
      .where('expiresAt', '>', sql<Date>`now()`)
      .returning(['id', 'reference', 'contactEmail', 'expiresAt'])
      .executeTakeFirst();
    if (!quote) throw await refusal(db, staff.orgId, quoteId, 'sent');
    await enqueueOutbox(tx, [
      {
        orgId: staff.orgId,
        aggregateType: 'quote',
        aggregateId: quote.id,
        eventType: 'quote.sent',
        payload: { offerUrl, validUntil: quote.expiresAt },
      },
    ]);
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'quote.sent',
      entityType: 'quote',
      entityId: quote.id,
      changes: { reference: quote.reference, to: quote.contactEmail },
      requestId,
    });
  });
  return { offerUrl };
}

/** Takes the offer back: its link stops working. */
export async function withdrawQuote(
  db: Db,
  quoteId: string,
  staff: StaffMember,
  { requestId }: StaffCall,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const quote = await tx
      .updateTable('quotes')
      .set((eb) => ({ status: 'withdrawn', updatedAt: eb.fn('now', []) }))
      .where('id', '=', quoteId)
      .where('orgId', '=', staff.orgId)
      .where('status', 'in', ['draft', 'sent'])
      .returning(['id', 'reference'])
      .executeTakeFirst();
    if (!quote) throw await refusal(db, staff.orgId, quoteId, 'withdrawn');
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'quote.withdrawn',
      entityType: 'quote',
      entityId: quote.id,
      changes: { reference: quote.reference },
      requestId,
    });
  });
}

/** Why a quote cannot be sent or withdrawn: not ours (or none), or its state. */
async function refusal(db: Db, orgId: string, quoteId: string, verb: 'sent' | 'withdrawn') {
  const quote = await db
    .selectFrom('quotes')
    .select(['status', 'expiresAt'])
    .where('id', '=', quoteId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!quote) return new AppError('NOT_FOUND', 'No quote of your organisation has this id.');
  if (quote.status === 'draft' || quote.status === 'sent')
    return new AppError('CONFLICT', 'This quote has expired: make a new one.');
  return new AppError('CONFLICT', `This quote is ${quote.status}: it cannot be ${verb}.`);
}
