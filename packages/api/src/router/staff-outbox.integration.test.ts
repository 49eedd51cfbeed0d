import { createOrg, createStaffUser, type Role } from '@tessera/db/seed';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resendStuckMessages } from '../domain/notifications/sweep';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
let a: { orgId: string; staff: Record<Role, string> };
let b: { orgId: string; owner: string; messageId: string };

const ROLES: Role[] = ['owner', 'manager', 'agent', 'checkin', 'auditor'];

async function message(
  orgId: string,
  values: {
    recipient: string;
    status: 'queued' | 'sent' | 'recorded' | 'failed';
    minutesAgo: number;
  },
) {
  const row = await t.db
    .insertInto('outboundMessages')
    .values({
      orgId,
      channel: 'email',
      template: 'booking.confirmed',
      recipient: values.recipient,
      subject: `To ${values.recipient}`,
      bodyText: `Hello ${values.recipient}`,
      bodyHtml: `<p>Hello <b>${values.recipient}</b></p><script>alert(1)</script>`,
      dedupeKey: `test:${crypto.randomUUID()}`,
      status: values.status,
      error: values.status === 'failed' ? 'connect ECONNREFUSED 127.0.0.1:2525' : null,
      sentAt: values.status === 'sent' ? sql<Date>`now()` : null,
      createdAt: sql<Date>`now() - make_interval(mins => ${values.minutesAgo})`,
      claimedAt: sql<Date>`now() - make_interval(mins => ${values.minutesAgo})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let failedId: string;
let sentId: string;

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  const org = await createOrg(t.db);
  const staff = {} as Record<Role, string>;
  for (const role of ROLES) staff[role] = (await createStaffUser(t.db, { org, role })).user.id;
  a = { orgId: org.id, staff };
  sentId = await message(org.id, { recipient: 'ana@guests.test', status: 'sent', minutesAgo: 30 });
  failedId = await message(org.id, {
    recipient: 'bob@guests.test',
    status: 'failed',
    minutesAgo: 20,
  });
  await message(org.id, {
    recipient: 'ANA.second@guests.test',
    status: 'recorded',
    minutesAgo: 10,
  });
  const other = await createOrg(t.db);
  b = {
    orgId: other.id,
    owner: (await createStaffUser(t.db, { org: other, role: 'owner' })).user.id,
    messageId: await message(other.id, {
      recipient: 'ana@elsewhere.test',
      status: 'failed',
      minutesAgo: 5,
    }),
  };
});
afterAll(() => t.close());

const as = (role: Role) => t.caller({ userId: a.staff[role], orgId: a.orgId });

describe('staff.outbox', () => {
  it('lists the org messages newest first, by status and part of the recipient', async () => {
    const owner = await as('owner');
    const all = await owner.staff.outbox.list({});
    expect(all.items.map((m) => m.recipient)).toEqual([
      'ANA.second@guests.test',
      'bob@guests.test',
      'ana@guests.test',
    ]);
    expect(all.nextCursor).toBeNull();
    expect(all.items[1]).toMatchObject({
      status: 'failed',
      attempts: 1,
      template: 'booking.confirmed',
    });
    expect((await owner.staff.outbox.list({ status: 'failed' })).items.map((m) => m.id)).toEqual([
      failedId,
    ]);
    expect(
      (await owner.staff.outbox.list({ recipient: 'ana' })).items.map((m) => m.recipient),
    ).toEqual(['ANA.second@guests.test', 'ana@guests.test']);
    expect((await owner.staff.outbox.list({ recipient: '%' })).items).toEqual([]);
  });

  it('shows a message with its bodies and error; another org message reads as not found', async () => {
    const detail = await (await as('auditor')).staff.outbox.get({ messageId: failedId });
    expect(detail).toMatchObject({
      bodyText: 'Hello bob@guests.test',
      error: 'connect ECONNREFUSED 127.0.0.1:2525',
      bookingReference: null,
    });
    await expect(
      (await as('owner')).staff.outbox.get({ messageId: b.messageId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      (await t.caller({ userId: b.owner, orgId: b.orgId })).staff.outbox.get({
        messageId: failedId,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is for owners, managers and auditors; agents and check-in staff are refused', async () => {
    for (const role of ['agent', 'checkin'] as const) {
      const api = await as(role);
      await expect(api.staff.outbox.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.staff.outbox.get({ messageId: sentId })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    for (const role of ['agent', 'checkin', 'auditor'] as const)
      await expect(
        (await as(role)).staff.outbox.resend({ messageId: failedId }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('sends a failed message again through the sweeper, once; refuses others and other orgs', async () => {
    const manager = await as('manager');
    await expect(manager.staff.outbox.resend({ messageId: sentId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(manager.staff.outbox.resend({ messageId: b.messageId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await t.db
        .selectFrom('outboundMessages')
        .select('status')
        .where('id', '=', b.messageId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'failed' });

    const queued = await manager.staff.outbox.resend({ messageId: failedId });
    expect(queued).toMatchObject({ status: 'queued', error: null });
    await expect(manager.staff.outbox.resend({ messageId: failedId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const sent: string[] = [];
    const transport = {
      send: (mail: { to: string }) => {
        sent.push(mail.to);
        return Promise.resolve({ messageId: `<${crypto.randomUUID()}@test>` });
      },
    };
    await resendStuckMessages(t.db, { transport, sms: null });
    expect(sent).toEqual(['bob@guests.test']);
    const resent = await manager.staff.outbox.get({ messageId: failedId });
    expect(resent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(resent.sentAt).toBeInstanceOf(Date);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId'])
      .where('entityId', '=', failedId)
      .execute();
    expect(audit).toEqual([
      { action: 'outbound_message.resend_requested', actorUserId: a.staff.manager },
    ]);
  });
});
