import { createHash } from 'node:crypto';
import { createOrg, createStaffUser, createUser, type Role } from '@tessera/db/seed';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../domain/accounts/accounts';
import { composeNotification } from '../domain/notifications/compose';
import { deliverEmail } from '../domain/notifications/deliver';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
let a: { orgId: string; staff: Record<Role, string> };
let b: { orgId: string; owner: string };

const ROLES: Role[] = ['owner', 'manager', 'agent', 'checkin', 'auditor'];

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  const org = await createOrg(t.db, { name: 'Harbour Arts' });
  const staff = {} as Record<Role, string>;
  for (const role of ROLES)
    staff[role] = (await createStaffUser(t.db, { org, role, name: `The ${role}` })).user.id;
  a = { orgId: org.id, staff };
  const other = await createOrg(t.db);
  b = {
    orgId: other.id,
    owner: (await createStaffUser(t.db, { org: other, role: 'owner' })).user.id,
  };
});
afterAll(() => t.close());

const as = (role: Role) => t.caller({ userId: a.staff[role], orgId: a.orgId });
const ownerOfB = () => t.caller({ userId: b.owner, orgId: b.orgId });
const anonymous = () => t.caller();
const uniqueEmail = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@staff.test`;

/** Invites as A's owner; the token is read back from the outbox event's link. */
async function invite(email: string, role: Role = 'agent') {
  const invitation = await (await as('owner')).staff.team.invite({ email, role });
  const event = await t.db
    .selectFrom('outbox')
    .select(['id', 'orgId', 'payload'])
    .where('eventType', '=', 'staff.invited')
    .where('aggregateId', '=', invitation.id)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const payload = event.payload as { acceptUrl: string; expiresAt: string };
  const token = payload.acceptUrl.split('/invitations/')[1] ?? '';
  return { invitation, event, payload, token };
}

const memberRole = (userId: string, orgId = a.orgId) =>
  t.db
    .selectFrom('memberships')
    .select('role')
    .where('orgId', '=', orgId)
    .where('userId', '=', userId)
    .executeTakeFirst();

describe('staff.team.invite', () => {
  it('stores only a hash of an unguessable token, emails the link through the outbox, and audits it', async () => {
    const email = uniqueEmail('nadia');
    const { invitation, event, payload, token } = await invite(email.toUpperCase(), 'checkin');
    const owner = await t.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', a.staff.owner)
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ email, role: 'checkin', invitedBy: owner.email });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(payload.acceptUrl).toBe(`http://localhost:3001/invitations/${token}`);
    const days = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const row = await t.db
      .selectFrom('staffInvitations')
      .selectAll()
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);

    // The worker's notification path turns the event into a recorded email with the link.
    const email1 = await composeNotification(t.db, {
      outboxId: Number(event.id),
      orgId: event.orgId,
      eventType: 'staff.invited',
      invitationId: invitation.id,
      acceptUrl: payload.acceptUrl,
      expiresAt: new Date(payload.expiresAt),
    });
    if (!email1) throw new Error('the invitation email was not composed');
    expect(await deliverEmail(t.db, email1, null)).toBe('recorded');
    const message = await t.db
      .selectFrom('outboundMessages')
      .select(['orgId', 'recipient', 'subject', 'bodyText', 'template', 'status', 'attempts'])
      .where('dedupeKey', '=', `staff.invited:${event.id}`)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({
      orgId: a.orgId,
      recipient: email,
      subject: 'Join Harbour Arts on Tessera',
      template: 'staff.invited',
      status: 'recorded',
      attempts: 1,
    });
    expect(message.bodyText).toContain('The owner invited you to join Harbour Arts');
    expect(message.bodyText).toContain(payload.acceptUrl);

    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId', 'changes'])
      .where('entityId', '=', invitation.id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'staff_invitation.sent',
        actorUserId: a.staff.owner,
        changes: { email, role: 'checkin', expiresAt: payload.expiresAt },
      },
    ]);
  });

  it('is for owners only; managers and auditors may read the lists, agents and check-in not', async () => {
    for (const role of ['manager', 'agent', 'checkin', 'auditor'] as const)
      await expect(
        (await as(role)).staff.team.invite({ email: uniqueEmail('x'), role: 'agent' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const role of ['manager', 'auditor'] as const) {
      const api = await as(role);
      expect((await api.staff.team.members()).length).toBe(5);
      await api.staff.team.invitations();
    }
    for (const role of ['agent', 'checkin'] as const) {
      await expect((await as(role)).staff.team.members()).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect((await as(role)).staff.team.invitations()).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });

  it('refuses bad input, a role that does not exist and an address that is already a member', async () => {
    const owner = await as('owner');
    const before = await t.db.selectFrom('staffInvitations').select('id').execute();
    const { status, body } = await t.http(
      'staff.team.invite',
      { email: 'nobody', role: 'superadmin' },
      { userId: a.staff.owner, orgId: a.orgId },
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({
      email: ['Enter a valid email address'],
      role: ['Choose a role'],
    });
    const manager = await t.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', a.staff.manager)
      .executeTakeFirstOrThrow();
    await expect(
      owner.staff.team.invite({ email: manager.email, role: 'owner' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await t.db.selectFrom('staffInvitations').select('id').execute()).toEqual(before);
  });
});

describe('staff.team with an API key', () => {
  it('lets an admin:write key read the team but never invite, change roles or remove', async () => {
    const { key } = await (
      await as('owner')
    ).staff.apiKeys.create({
      name: 'Back office',
      scopes: ['admin:write'],
    });
    const api = await t.caller({ headers: { authorization: `Bearer ${key}` } });
    expect((await api.staff.team.members()).length).toBeGreaterThanOrEqual(5);
    await expect(
      api.staff.team.invite({ email: uniqueEmail('by-key'), role: 'owner' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      api.staff.team.changeRole({ userId: a.staff.agent, role: 'owner' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.staff.team.removeMember({ userId: a.staff.agent })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await memberRole(a.staff.agent)).toEqual({ role: 'agent' });
  });
});

describe('accepting an invitation', () => {
  it('makes a new account (argon2id) with the role, once: the link is then spent', async () => {
    const email = uniqueEmail('new');
    const { token } = await invite(email, 'checkin');
    expect(await (await anonymous()).invitations.preview({ token })).toMatchObject({
      orgName: 'Harbour Arts',
      email,
      role: 'checkin',
      hasAccount: false,
    });
    await expect(
      (await anonymous()).invitations.acceptAsNewUser({ token, name: '', password: 'short' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const accepted = await (
      await anonymous()
    ).invitations.acceptAsNewUser({
      token,
      name: 'Nadia Door',
      password: 'a-good-password',
    });
    expect(accepted).toEqual({ email, orgName: 'Harbour Arts' });
    const user = await t.db
      .selectFrom('users')
      .select(['id', 'name', 'passwordHash'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await memberRole(user.id)).toEqual({ role: 'checkin' });
    expect(await authenticate(t.db, email, 'a-good-password')).toMatchObject({
      id: user.id,
      isStaff: true,
    });

    await expect((await anonymous()).invitations.preview({ token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      (await anonymous()).invitations.acceptAsNewUser({
        token,
        name: 'Someone Else',
        password: 'another-password',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId'])
      .where('action', '=', 'staff_invitation.accepted')
      .where('actorUserId', '=', user.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets two uses of one link race: exactly one wins', async () => {
    const email = uniqueEmail('race');
    const { token } = await invite(email, 'agent');
    const results = await Promise.allSettled(
      ['one', 'two', 'three'].map(async (name) =>
        (await anonymous()).invitations.acceptAsNewUser({ token, name, password: 'racing-pass' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      await t.db.selectFrom('users').select('id').where('email', '=', email).execute(),
    ).toHaveLength(1);
  });

  it('refuses an expired link', async () => {
    const email = uniqueEmail('late');
    const { invitation, token } = await invite(email);
    await t.db
      .updateTable('staffInvitations')
      .set({ expiresAt: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', invitation.id)
      .execute();
    await expect((await anonymous()).invitations.preview({ token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      (await anonymous()).invitations.acceptAsNewUser({
        token,
        name: 'Late',
        password: 'too-late-now',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await t.db.selectFrom('users').select('id').where('email', '=', email).execute(),
    ).toEqual([]);
  });

  it('lets an existing account accept with its own password; a wrong one leaves the link usable', async () => {
    const email = uniqueEmail('customer');
    const user = await createUser(t.db, { email, password: 'my-customer-pass' });
    const { token } = await invite(email, 'manager');
    expect((await (await anonymous()).invitations.preview({ token })).hasAccount).toBe(true);
    await expect(
      (await anonymous()).invitations.acceptAsNewUser({
        token,
        name: 'Hijack',
        password: 'xxxxxxxx',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      (await anonymous()).invitations.acceptAsExistingUser({ token, password: 'wrong-password' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: `Wrong password for ${email}.` });
    expect(await memberRole(user.id)).toBeUndefined();
    await (
      await anonymous()
    ).invitations.acceptAsExistingUser({
      token,
      password: 'my-customer-pass',
    });
    expect(await memberRole(user.id)).toEqual({ role: 'manager' });
  });

  it('replaces an open invitation when the address is invited again: the old link dies', async () => {
    const email = uniqueEmail('again');
    const first = await invite(email, 'agent');
    const second = await invite(email, 'auditor');
    expect(second.invitation.id).toBe(first.invitation.id);
    await expect(
      (await anonymous()).invitations.preview({ token: first.token }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await (await anonymous()).invitations.preview({ token: second.token })).toMatchObject({
      role: 'auditor',
    });
    // The first email, not sent yet, is not sent with its dead link.
    expect(
      await composeNotification(t.db, {
        outboxId: Number(first.event.id),
        orgId: a.orgId,
        eventType: 'staff.invited',
        invitationId: first.invitation.id,
        acceptUrl: first.payload.acceptUrl,
        expiresAt: new Date(first.payload.expiresAt),
      }),
    ).toBeUndefined();
  });
});

describe('staff.team.revokeInvitation', () => {
  it('withdraws a pending invitation of the org (audited); the link stops working', async () => {
    const email = uniqueEmail('revoked');
    const { invitation, token } = await invite(email);
    const listed = await (await as('owner')).staff.team.invitations();
    expect(listed.map((i) => i.email)).toContain(email);
    await expect(
      (await as('manager')).staff.team.revokeInvitation({ invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      (await ownerOfB()).staff.team.revokeInvitation({ invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await (await ownerOfB()).staff.team.invitations()).map((i) => i.id)).not.toContain(
      invitation.id,
    );

    await (await as('owner')).staff.team.revokeInvitation({ invitationId: invitation.id });
    await expect((await anonymous()).invitations.preview({ token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const audit = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', invitation.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'staff_invitation.sent',
      'staff_invitation.revoked',
    ]);
  });
});

describe('staff.team members', () => {
  it('changes a role and removes a member (audited), for owners of the org only', async () => {
    const org = await createOrg(t.db);
    const owner = (await createStaffUser(t.db, { org, role: 'owner' })).user.id;
    const agent = (await createStaffUser(t.db, { org, role: 'agent' })).user.id;
    const manager = (await createStaffUser(t.db, { org, role: 'manager' })).user.id;
    const api = await t.caller({ userId: owner, orgId: org.id });

    await expect(
      (await t.caller({ userId: manager, orgId: org.id })).staff.team.changeRole({
        userId: agent,
        role: 'owner',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      (await t.caller({ userId: manager, orgId: org.id })).staff.team.removeMember({
        userId: agent,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Another org's member reads as not found, and stays as they were.
    await expect(
      api.staff.team.changeRole({ userId: a.staff.agent, role: 'owner' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.staff.team.removeMember({ userId: a.staff.agent })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await memberRole(a.staff.agent)).toEqual({ role: 'agent' });

    const members = await api.staff.team.changeRole({ userId: agent, role: 'manager' });
    expect(members.find((m) => m.userId === agent)?.role).toBe('manager');
    await api.staff.team.removeMember({ userId: manager });
    expect(await memberRole(manager, org.id)).toBeUndefined();
    expect(
      await t.db.selectFrom('users').select('id').where('id', '=', manager).executeTakeFirst(),
    ).toEqual({ id: manager });
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'entityId', 'changes'])
      .where('orgId', '=', org.id)
      .orderBy('id')
      .execute();
    expect(audit.map(({ action, entityId }) => ({ action, entityId }))).toEqual([
      { action: 'membership.role_changed', entityId: agent },
      { action: 'membership.removed', entityId: manager },
    ]);
    expect(audit.map((row) => row.changes)).toMatchObject([
      { role: { from: 'agent', to: 'manager' } },
      { role: 'manager' },
    ]);
  });

  it('never lets the org lose its last owner, even with two owners demoting each other at once', async () => {
    const org = await createOrg(t.db);
    const first = (await createStaffUser(t.db, { org, role: 'owner' })).user.id;
    const api = await t.caller({ userId: first, orgId: org.id });
    await expect(
      api.staff.team.changeRole({ userId: first, role: 'manager' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api.staff.team.removeMember({ userId: first })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await memberRole(first, org.id)).toEqual({ role: 'owner' });

    const second = (await createStaffUser(t.db, { org, role: 'owner' })).user.id;
    const other = await t.caller({ userId: second, orgId: org.id });
    const results = await Promise.allSettled([
      api.staff.team.changeRole({ userId: second, role: 'agent' }),
      other.staff.team.removeMember({ userId: first }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const owners = await t.db
      .selectFrom('memberships')
      .select('userId')
      .where('orgId', '=', org.id)
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toHaveLength(1);
  });
});
