import { randomUUID } from 'node:crypto';
import { createOrg, createStaffUser, createUser, type Role } from '@tessera/db/seed';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNotification } from '../domain/notifications/compose';
import { deliverEmail } from '../domain/notifications/deliver';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, seatedOccurrence } from '../testing/engine-fixtures';

let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
});
afterAll(() => t.close());

/** A concert of one org, its staff in every role, and an owner of another org. */
async function desk({ priceAmount = 4500 } = {}) {
  const fixture = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 8, priceAmount });
  const staff = {} as Record<Role, string>;
  for (const role of ['owner', 'manager', 'agent', 'checkin', 'auditor'] as const)
    staff[role] = (await createStaffUser(t.db, { org: fixture.org, role })).user.id;
  const stranger = (await createStaffUser(t.db, { org: await createOrg(t.db), role: 'owner' })).user
    .id;
  const as = (userId: string) => t.caller({ userId });
  let nextSeat = 0;
  /** A booking of one seat; paid (offline, marked paid by the agent) unless told otherwise. */
  async function book(contact: { name: string; email: string; phone?: string }, paid = true) {
    const customer = await t.caller(noLimits);
    const hold = await customer.holds.create({
      occurrenceId: fixture.occurrence.id,
      seatIds: [at(fixture.seats, nextSeat++).id],
    });
    const { reference } = await customer.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: `key-${randomUUID()}`,
      contact,
    });
    if (paid && priceAmount > 0)
      await (await as(staff.agent)).staff.bookings.markPaid({ reference });
    return reference;
  }
  return { ...fixture, staff, stranger, as, book };
}

async function auditActions(orgId: string) {
  const rows = await t.db
    .selectFrom('auditLog')
    .select(['action', 'actorLabel'])
    .where('orgId', '=', orgId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

describe('staff.bookings desk: who may do what', () => {
  it('refuses each write to roles without bookings:write, a chosen refund without payments:refund, and answers NOT_FOUND to another org', async () => {
    const d = await desk();
    const reference = await d.book({ name: 'Ines Roy', email: 'ines@example.test' });
    const writes = {
      cancel: (api: Awaited<ReturnType<typeof d.as>>) => api.staff.bookings.cancel({ reference }),
      resendConfirmation: (api: Awaited<ReturnType<typeof d.as>>) =>
        api.staff.bookings.resendConfirmation({ reference }),
      addNote: (api: Awaited<ReturnType<typeof d.as>>) =>
        api.staff.bookings.addNote({ reference, note: 'Called the customer' }),
    };
    for (const [name, call] of Object.entries(writes)) {
      for (const role of ['checkin', 'auditor'] as const)
        await expect(call(await d.as(d.staff[role])), `${name} as ${role}`).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
      await expect(call(await d.as(d.stranger)), `${name} by another org`).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    await expect(
      (await d.as(d.staff.agent)).staff.bookings.cancel({ reference, refundAmount: 100 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Reading: any staff role of the org; a customer is refused, another org finds nothing.
    const customer = (await createUser(t.db)).id;
    await expect((await d.as(customer)).staff.bookings.search({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect((await d.as(customer)).staff.bookings.detail({ reference })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
    await expect(
      (await d.as(d.stranger)).staff.bookings.detail({ reference }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await (await d.as(d.stranger)).staff.bookings.search({ query: reference })).items,
    ).toEqual([]);
    for (const role of ['owner', 'manager', 'agent', 'checkin', 'auditor'] as const)
      expect((await (await d.as(d.staff[role])).staff.bookings.detail({ reference })).status).toBe(
        'confirmed',
      );

    // Nothing above changed the booking: only the agent's mark-paid is in the audit log.
    expect(await auditActions(d.org.id)).toEqual(['payment.marked_paid']);
  });
});

describe('staff.bookings.search', () => {
  it('finds by reference, email, name and phone digits; filters; pages newest first without gaps or repeats', async () => {
    const d = await desk();
    const ines = await d.book({
      name: 'Ines Roy',
      email: 'ines.roy@example.test',
      phone: '+33 6 12 34 56 78',
    });
    const marc = await d.book({ name: 'Marc Blanc', email: 'marc@example.test' });
    const lea = await d.book({ name: 'Léa Blanc', email: 'lea@example.test' }, false);
    const tom = await d.book({ name: 'Tom Noir', email: 'tom@example.test' });
    const zoe = await d.book({ name: 'Zoé Vert', email: 'zoe@example.test' });
    const owner = await d.as(d.staff.auditor);
    const refs = async (input: Parameters<typeof owner.staff.bookings.search>[0]) =>
      (await owner.staff.bookings.search(input)).items.map((row) => row.reference);

    expect(await refs({ query: marc.toLowerCase() })).toEqual([marc]);
    expect(await refs({ query: 'INES.ROY@' })).toEqual([ines]);
    expect(await refs({ query: 'blanc' })).toEqual([lea, marc]);
    expect(await refs({ query: '06-12 34' })).toEqual([]);
    expect(await refs({ query: '612345678' })).toEqual([ines]);
    expect(await refs({ query: '100%' })).toEqual([]);
    expect(await refs({ paymentState: 'unpaid' })).toEqual([lea]);
    expect(await refs({ status: 'pending_payment' })).toEqual([lea]);
    expect(await refs({ paymentState: 'paid', query: 'blanc' })).toEqual([marc]);
    expect(await refs({ occurrenceId: d.occurrence.id, limit: 100 })).toHaveLength(5);
    expect(await refs({ occurrenceId: randomUUID() })).toEqual([]);

    // The date's day in the org's zone (Europe/Paris) includes it; the next day does not.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
      d.occurrence.startsAt,
    );
    const nextDay = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(await refs({ from: day, to: day })).toHaveLength(5);
    expect(await refs({ from: nextDay })).toEqual([]);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await owner.staff.bookings.search({ limit: 2, cursor });
      seen.push(...page.items.map((row) => row.reference));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([zoe, tom, lea, marc, ines]);

    // Five bookings within one millisecond: a page link keeps the microseconds, so paging
    // still skips none of them.
    const sameMillisecond = [zoe, tom, lea, marc, ines];
    for (const [index, reference] of sameMillisecond.entries())
      await sql`UPDATE bookings SET created_at = '2026-03-01 10:00:00.1239+00'::timestamptz - make_interval(secs => ${index} * 0.0002) WHERE reference = ${reference}`.execute(
        t.db,
      );
    const pagedAgain: string[] = [];
    cursor = undefined;
    do {
      const page = await owner.staff.bookings.search({ limit: 2, cursor });
      pagedAgain.push(...page.items.map((row) => row.reference));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pagedAgain).toEqual(sameMillisecond);
  });

  it('explains bad filters and a bad page link', async () => {
    const d = await desk();
    const api = await d.as(d.staff.owner);
    await expect(
      api.staff.bookings.search({ from: '2026-12-02', to: '2026-12-01' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const response = await t.http(
      'staff.bookings.search',
      { from: '2026-12-02', to: '2026-12-01' },
      { userId: d.staff.owner, method: 'GET' },
    );
    expect(response.body.error?.json.message).toBe(
      'Invalid input: to: The first day must not be after the last',
    );
    await expect(api.staff.bookings.search({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This page link is not valid: search again.',
    });
  });
});

describe('staff.bookings actions', () => {
  it('shows payments, notes, refunds and the audit trail on the timeline; cancels under the policy with a full refund', async () => {
    const d = await desk();
    const reference = await d.book({ name: 'Ines Roy', email: 'ines@example.test' });
    const agent = await d.as(d.staff.agent);
    await agent.staff.bookings.addNote({ reference, note: '  Wheelchair at the side door  ' });
    await expect(agent.staff.bookings.addNote({ reference, note: '   ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const before = await agent.staff.bookings.detail({ reference });
    expect(before).toMatchObject({ paid: 4500, refundable: 4500, policyRefund: 4500 });
    expect(before.timeline.map((entry) => entry.kind)).toEqual(
      expect.arrayContaining(['booking', 'hold', 'payment', 'audit', 'note']),
    );
    const note = before.timeline.find((entry) => entry.kind === 'note');
    expect(note?.detail).toBe('Wheelchair at the side door');
    expect(note?.actor).toMatch(/@tessera\.test$/);

    expect(
      await agent.staff.bookings.cancel({ reference, reason: 'Customer phoned' }),
    ).toMatchObject({
      refundAmount: 4500,
    });
    await expect(agent.staff.bookings.cancel({ reference })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const after = await agent.staff.bookings.detail({ reference });
    expect(after.status).toBe('cancelled');
    expect(after.tickets.map((ticket) => ticket.status)).toEqual(['void']);
    expect(after.timeline.filter((entry) => entry.kind === 'refund')).toHaveLength(1);
    expect(await auditActions(d.org.id)).toEqual([
      'payment.marked_paid',
      'booking.note_added',
      'booking.cancelled',
    ]);
  });

  it('cancels with a refund a manager chooses, refusing more than was paid and changing nothing then', async () => {
    const d = await desk();
    const reference = await d.book({ name: 'Marc Blanc', email: 'marc@example.test' });
    const manager = await d.as(d.staff.manager);
    await expect(
      manager.staff.bookings.cancel({ reference, refundAmount: 4501 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await manager.staff.bookings.detail({ reference })).status).toBe('confirmed');

    expect(await manager.staff.bookings.cancel({ reference, refundAmount: 1000 })).toMatchObject({
      refundAmount: 1000,
    });
    const refunds = await t.db
      .selectFrom('refunds as r')
      .innerJoin('bookings as b', 'b.id', 'r.bookingId')
      .select(['r.amount', 'r.reason'])
      .where('b.reference', '=', reference)
      .execute();
    expect(refunds).toEqual([{ amount: 1000, reason: 'staff' }]);
  });

  it('resends the confirmation as one new email, however often the worker runs the event', async () => {
    const d = await desk({ priceAmount: 0 });
    const reference = await d.book({ name: 'Lea Blanc', email: 'lea@example.test' });
    const { id: bookingId } = await t.db
      .selectFrom('bookings')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    /** What the worker does with each of the booking's notification events, twice over. */
    async function runNotifications() {
      const events = await t.db
        .selectFrom('outbox')
        .select(['id', 'eventType'])
        .where('aggregateId', '=', bookingId)
        .where('eventType', 'in', ['booking.confirmed', 'booking.confirmation_resent'])
        .execute();
      for (const event of [...events, ...events]) {
        const email = await composeNotification(t.db, {
          outboxId: Number(event.id),
          orgId: d.org.id,
          eventType:
            event.eventType === 'booking.confirmed'
              ? 'booking.confirmed'
              : 'booking.confirmation_resent',
          bookingId,
          extras: {},
        });
        if (email) await deliverEmail(t.db, email, null);
      }
    }
    const messages = () =>
      t.db
        .selectFrom('outboundMessages')
        .select(['template', 'recipient', 'subject'])
        .where('bookingId', '=', bookingId)
        .where('channel', '=', 'email')
        .orderBy('createdAt')
        .execute();

    await runNotifications();
    expect(await messages()).toHaveLength(1);
    expect(
      await (await d.as(d.staff.agent)).staff.bookings.resendConfirmation({ reference }),
    ).toEqual({ recipient: 'lea@example.test' });
    await runNotifications();
    const sent = await messages();
    expect(sent.map((message) => message.template)).toEqual([
      'booking.confirmed',
      'booking.confirmation_resent',
    ]);
    expect(sent[1]?.subject).toBe(sent[0]?.subject);
    expect(sent[1]?.recipient).toBe('lea@example.test');
    expect(await auditActions(d.org.id)).toEqual(['booking.confirmation_resent']);
  });
});
