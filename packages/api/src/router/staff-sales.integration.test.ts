import { randomUUID } from 'node:crypto';
import { createOrg, createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNotification } from '../domain/notifications/compose';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, generalAdmission, seatedOccurrence } from '../testing/engine-fixtures';
import { setupStripe } from '../testing/stripe';

let t: ApiTest;
let s: Awaited<ReturnType<typeof setupStripe>>;
const noEvents = { changed: () => undefined };
const contact = { name: 'Samira Haddad', email: 'samira@example.test', phone: '+213 555 12 34' };

beforeAll(async () => {
  t = await setupApiTest();
  s = await setupStripe(t.db, noEvents);
});
afterAll(async () => {
  await s.close();
  await t.close();
});

type Org = Awaited<ReturnType<typeof createOrg>>;
const staffOf = async (org: Org, role: 'owner' | 'manager' | 'agent' | 'checkin' | 'auditor') =>
  (await createStaffUser(t.db, { org, role, email: `${role}-${randomUUID()}@example.test` })).user;

const bookingOf = (reference: string) =>
  t.db
    .selectFrom('bookings')
    .select([
      'id',
      'orgId',
      'channel',
      'status',
      'createdByUserId',
      'customerUserId',
      'totalAmount',
      'paidAmount',
      'contactEmail',
    ])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
const liveSeatsOf = async (occurrenceId: string) =>
  (
    await t.db
      .selectFrom('occurrenceSeats')
      .select('status')
      .where('occurrenceId', '=', occurrenceId)
      .where('status', '<>', 'free')
      .execute()
  ).map((row) => row.status);
const countRows = async (table: 'bookings' | 'holds', orgId: string) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('orgId', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const paymentLinkEmails = async (bookingId: string) =>
  t.db
    .selectFrom('outbox')
    .select('payload')
    .where('aggregateId', '=', bookingId)
    .where('eventType', '=', 'booking.payment_link_sent')
    .execute();

describe('staff.sales.create', () => {
  it('is refused to roles that may not sell, to guests, and across orgs, holding nothing', async () => {
    const { org, occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 2 });
    const sale = {
      idempotencyKey: `sale-${randomUUID()}`,
      inventory: { occurrenceId: occurrence.id, seatIds: [at(seats, 0).id] },
      contact,
      payment: 'pay_at_venue' as const,
    };
    for (const role of ['checkin', 'auditor'] as const) {
      const api = await t.caller({ userId: (await staffOf(org, role)).id });
      await expect(api.staff.sales.create(sale)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect((await t.caller()).staff.sales.create(sale)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const stranger = await t.caller({ userId: (await staffOf(await createOrg(t.db), 'owner')).id });
    await expect(stranger.staff.sales.create(sale)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No date of your organisation has this id.',
    });
    expect(await countRows('holds', org.id)).toBe(0);
    expect(await liveSeatsOf(occurrence.id)).toEqual([]);
  });

  it('books seats to pay at the venue on the agent channel, once per key however often it is sent', async () => {
    const { org, occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 4 });
    const agent = await staffOf(org, 'agent');
    const api = await t.caller({ userId: agent.id });
    const sale = {
      idempotencyKey: `sale-${randomUUID()}`,
      inventory: { occurrenceId: occurrence.id, seatIds: [at(seats, 0).id, at(seats, 1).id] },
      contact,
      payment: 'pay_at_venue' as const,
    };
    // A double click: two identical requests at once.
    const [first, second] = await Promise.all([
      api.staff.sales.create(sale),
      api.staff.sales.create(sale),
    ]);
    expect(second).toEqual(first);
    expect(first).toMatchObject({
      status: 'pending_payment',
      total: { amount: 9000, currency: 'EUR' },
      payment: 'pay_at_venue',
      paymentUrl: null,
    });
    expect(first.dueAt).toEqual(occurrence.startsAt);
    expect(await countRows('bookings', org.id)).toBe(1);
    expect(await bookingOf(first.reference)).toMatchObject({
      orgId: org.id,
      channel: 'agent',
      status: 'pending_payment',
      createdByUserId: agent.id,
      customerUserId: null,
      contactEmail: contact.email,
    });
    expect(await liveSeatsOf(occurrence.id)).toEqual(['held', 'held']);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorLabel', 'changes'])
      .where('orgId', '=', org.id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'booking.sold',
        actorLabel: agent.email,
        changes: expect.objectContaining({
          reference: first.reference,
          channel: 'agent',
          payment: 'pay_at_venue',
        }) as unknown,
      },
    ]);

    // The same key with another request is a mistake, not a second sale.
    await expect(
      api.staff.sales.create({ ...sale, contact: { ...contact, name: 'Someone else' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('settles a sale paid now at the desk: confirmed with its tickets, places sold', async () => {
    const { org, occurrence, ticketType } = await generalAdmission(t.db, { quota: 5 });
    const manager = await t.caller({ userId: (await staffOf(org, 'manager')).id });
    const sold = await manager.staff.sales.create({
      idempotencyKey: `sale-${randomUUID()}`,
      inventory: {
        occurrenceId: occurrence.id,
        tickets: [{ ticketTypeId: ticketType.id, quantity: 3 }],
      },
      contact,
      payment: 'paid_now',
    });
    expect(sold).toMatchObject({ status: 'confirmed', total: { amount: 6000 }, dueAt: null });
    const booking = await bookingOf(sold.reference);
    expect(booking).toMatchObject({ channel: 'agent', status: 'confirmed', paidAmount: 6000 });
    const tickets = await t.db
      .selectFrom('tickets')
      .select('code')
      .where('bookingId', '=', booking.id)
      .execute();
    expect(tickets).toHaveLength(3);

    // Two tickets are left: a sale of three is refused and changes nothing.
    await expect(
      manager.staff.sales.create({
        idempotencyKey: `sale-${randomUUID()}`,
        inventory: {
          occurrenceId: occurrence.id,
          tickets: [{ ticketTypeId: ticketType.id, quantity: 3 }],
        },
        contact,
        payment: 'paid_now',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await countRows('bookings', org.id)).toBe(1);
  });

  it('refuses a seat already taken and bad contact details, leaving no hold', async () => {
    const { org, occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 2 });
    const api = await t.caller({ userId: (await staffOf(org, 'agent')).id });
    const sale = (seatId: string, email = contact.email) => ({
      idempotencyKey: `sale-${randomUUID()}`,
      inventory: { occurrenceId: occurrence.id, seatIds: [seatId] },
      contact: { ...contact, email },
      payment: 'pay_at_venue' as const,
    });
    await api.staff.sales.create(sale(at(seats, 0).id));
    await expect(api.staff.sales.create(sale(at(seats, 0).id))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const invalid = await t.http('staff.sales.create', sale(at(seats, 1).id, 'not an email'), {
      userId: (await staffOf(org, 'agent')).id,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.json.data.fieldErrors).toHaveProperty(['contact.email']);
    expect(await countRows('holds', org.id)).toBe(1);
  });

  it('says there is no link to send when card payments are not set up', async () => {
    const { org, occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 1 });
    const api = await t.caller({ userId: (await staffOf(org, 'agent')).id });
    await expect(
      api.staff.sales.create({
        idempotencyKey: `sale-${randomUUID()}`,
        inventory: { occurrenceId: occurrence.id, seatIds: [at(seats, 0).id] },
        contact,
        payment: 'payment_link',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Stripe') as unknown,
    });
    expect(await countRows('holds', org.id)).toBe(0);
  });

  it('emails a Stripe payment link once; paying it on the simulator confirms the agent booking', async () => {
    const { org, occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 2 });
    const api = await t.caller({
      userId: (await staffOf(org, 'agent')).id,
      payments: s.provider,
    });
    const sale = {
      idempotencyKey: `sale-${randomUUID()}`,
      inventory: { occurrenceId: occurrence.id, seatIds: [at(seats, 1).id] },
      contact,
      payment: 'payment_link' as const,
    };
    const sold = await api.staff.sales.create(sale);
    expect(sold.status).toBe('pending_payment');
    expect(sold.paymentUrl).toContain(`${s.simulator.url}/pay/`);
    expect(await api.staff.sales.create(sale)).toEqual(sold);

    const booking = await bookingOf(sold.reference);
    const emails = await paymentLinkEmails(booking.id);
    expect(emails).toEqual([
      { payload: { paymentUrl: sold.paymentUrl, dueAt: expect.any(String) as unknown } },
    ]);

    // The worker's email: the link, to the customer, while the booking waits for payment.
    const event = {
      outboxId: 1,
      orgId: org.id,
      eventType: 'booking.payment_link_sent' as const,
      bookingId: booking.id,
      paymentUrl: sold.paymentUrl ?? '',
      dueAt: sold.dueAt,
      balanceAmount: null,
    };
    const email = await composeNotification(t.db, event);
    expect(email).toMatchObject({ recipient: contact.email, bookingId: booking.id });
    expect(email?.text).toContain(`Pay here: ${sold.paymentUrl}`);

    const sessionId = sold.paymentUrl?.split('/pay/')[1] ?? '';
    await s.control(`sessions/${sessionId}/pay`);
    expect(await bookingOf(sold.reference)).toMatchObject({
      channel: 'agent',
      status: 'confirmed',
      paidAmount: 4500,
    });
    expect(await liveSeatsOf(occurrence.id)).toEqual(['sold']);
    // Paid before the email went: no link to send any more.
    expect(await composeNotification(t.db, event)).toBeUndefined();
  });
});
