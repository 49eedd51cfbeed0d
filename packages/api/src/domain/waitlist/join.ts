import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { type z } from 'zod';
import { AppError } from '../../errors';
import { enqueueOutbox } from '../shared/outbox';
import type { JoinWaitlistInput, WaitlistEntryView } from './schemas';

/**
 * Puts someone in line for a sold-out date (or ticket type). Joining twice keeps the first
 * place; joining while places are still on sale is refused with a pointer to book them.
 */
export async function joinWaitlist(
  db: Db,
  input: JoinWaitlistInput,
  userId: string | null,
): Promise<z.infer<typeof WaitlistEntryView>> {
  return db.transaction().execute(async (tx) => {
    const occurrence = await tx
      .selectFrom('occurrences')
      .select(['id', 'orgId', 'status'])
      .where('id', '=', input.occurrenceId)
      .executeTakeFirst();
    if (!occurrence || occurrence.status !== 'scheduled')
      throw new AppError('NOT_FOUND', 'This date was not found.');
    let stock = tx
      .selectFrom('occurrenceStock')
      .select(sql<number>`coalesce(sum(capacity - sold - held), 0)::int`.as('remaining'))
      .where('occurrenceId', '=', occurrence.id);
    if (input.ticketTypeId) stock = stock.where('ticketTypeId', '=', input.ticketTypeId);
    const { remaining } = await stock.executeTakeFirstOrThrow();
    if (remaining >= input.quantity) {
      throw new AppError(
        'CONFLICT',
        `${remaining} places are still on sale: book them now instead.`,
        { remaining },
      );
    }
    await tx
      .insertInto('waitlistEntries')
      .values({
        orgId: occurrence.orgId,
        occurrenceId: occurrence.id,
        ticketTypeId: input.ticketTypeId ?? null,
        userId,
        email: input.email,
        name: input.name ?? null,
        quantity: input.quantity,
      })
      .onConflict((oc) =>
        oc
          .columns(['occurrenceId', 'email'])
          .where('status', 'in', ['waiting', 'offered'])
          .doNothing(),
      )
      .execute();
    const entry = await tx
      .selectFrom('waitlistEntries')
      .select(['id', 'status', 'createdAt'])
      .where('occurrenceId', '=', occurrence.id)
      .where('email', '=', input.email)
      .where('status', 'in', ['waiting', 'offered'])
      .executeTakeFirstOrThrow();
    const { ahead } = await tx
      .selectFrom('waitlistEntries')
      .select((eb) => eb.fn.countAll<number>().as('ahead'))
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '=', 'waiting')
      .where('createdAt', '<', entry.createdAt)
      .executeTakeFirstOrThrow();
    await enqueueOutbox(tx, [
      {
        orgId: occurrence.orgId,
        aggregateType: 'waitlist_entry',
        aggregateId: entry.id,
        eventType: 'waitlist.joined',
        payload: { email: input.email },
      },
    ]);
    return {
      entryId: entry.id,
      position: ahead + 1,
      status: entry.status === 'offered' ? 'offered' : 'waiting',
    };
  });
}
