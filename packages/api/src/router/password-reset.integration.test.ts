import { randomUUID } from 'node:crypto';
import { createUser } from '@tessera/db/seed';
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../domain/accounts/accounts';
import { composeNotification } from '../domain/notifications/compose';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
});
afterAll(() => t.close());

/** Redis outlives test runs: each test's addresses and client are new, so budgets start full. */
const fresh = () => randomUUID().slice(0, 8);
const asClient = () => ({ headers: { 'x-forwarded-for': `10.9.${fresh()}` } });

async function resetRequests(userId: string) {
  return t.db
    .selectFrom('outbox')
    .select(['id', 'orgId', 'payload'])
    .where('eventType', '=', 'account.password_reset_requested')
    .where('aggregateId', '=', userId)
    .orderBy('id')
    .execute();
}

/** The token from the emailed link, as the person clicking it would have it. */
async function emailedToken(userId: string): Promise<string> {
  const rows = await resetRequests(userId);
  const payload = rows.at(-1)?.payload as { resetUrl: string };
  const token = /\/reset-password\/([A-Za-z0-9_-]+)$/.exec(payload.resetUrl)?.[1];
  if (!token) throw new Error(`no token in ${payload.resetUrl}`);
  return token;
}

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('auth.requestPasswordReset', () => {
  it('answers the same for a known and an unknown address, and emails only the known one', async () => {
    const user = await createUser(t.db, {
      email: `known-${fresh()}@example.test`,
      password: 'old-password-1',
    });
    const api = await t.caller(asClient());

    const known = await api.auth.requestPasswordReset({ email: user.email.toUpperCase() });
    const unknown = await api.auth.requestPasswordReset({
      email: `nobody-${fresh()}@example.test`,
    });
    expect(unknown).toEqual(known);

    const [request] = await resetRequests(user.id);
    expect(request?.orgId).toBeNull();
    const token = await emailedToken(user.id);
    expect((request?.payload as { resetUrl: string }).resetUrl).toBe(
      `http://localhost:3000/reset-password/${token}`,
    );
    // Only a hash of the token is stored.
    const stored = await t.db
      .selectFrom('passwordResetTokens')
      .select(['tokenHash', 'expiresAt'])
      .where('userId', '=', user.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(token);
    expect(stored[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const minutesValid = ((stored[0]?.expiresAt.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutesValid).toBeGreaterThan(58);
    expect(minutesValid).toBeLessThanOrEqual(60);
  });

  it('renders an email to the account holder with the link', async () => {
    const user = await createUser(t.db, { email: `mail-${fresh()}@example.test`, name: 'Yasmine' });
    await (await t.caller(asClient())).auth.requestPasswordReset({ email: user.email });
    const [request] = await resetRequests(user.id);
    const { resetUrl } = request?.payload as { resetUrl: string };
    const email = await composeNotification(t.db, {
      outboxId: Number(request?.id),
      orgId: null,
      eventType: 'account.password_reset_requested',
      userId: user.id,
      resetUrl,
      expiresAt: new Date('2026-11-22T10:00:00Z'),
    });
    expect(email).toMatchObject({
      recipient: user.email,
      subject: 'Reset your Tessera password',
      template: 'account.password_reset_requested',
      orgId: null,
      bookingId: null,
    });
    expect(email?.text).toContain('Hello Yasmine,');
    expect(email?.text).toContain(resetUrl);
    expect(email?.html).toContain(resetUrl);
  });

  it('refuses a fourth request for one address within a minute, from any client', async () => {
    const user = await createUser(t.db, { email: `busy-${fresh()}@example.test` });
    for (let i = 0; i < 3; i++) {
      await (await t.caller(asClient())).auth.requestPasswordReset({ email: user.email });
    }
    const error = await refusal(
      (await t.caller(asClient())).auth.requestPasswordReset({ email: user.email }),
    );
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toMatch(/^Too many attempts\. Try again in \d+ seconds\.$/);
    expect(await resetRequests(user.id)).toHaveLength(3);
  });

  it('refuses a fourth request from one client within a minute, whatever the address', async () => {
    const client = asClient();
    const api = await t.caller(client);
    for (let i = 0; i < 3; i++) {
      await api.auth.requestPasswordReset({ email: `spray-${fresh()}@example.test` });
    }
    const error = await refusal(
      api.auth.requestPasswordReset({ email: `spray-${fresh()}@example.test` }),
    );
    expect(error.code).toBe('TOO_MANY_REQUESTS');
  });

  it('answers a malformed address with a field message', async () => {
    const { status, body } = await t.http(
      'auth.requestPasswordReset',
      { email: 'nope' },
      asClient(),
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({ email: ['Enter a valid email address'] });
  });
});

describe('auth.resetPassword', () => {
  it('sets the new password once: the link does not work a second time', async () => {
    const user = await createUser(t.db, {
      email: `reset-${fresh()}@example.test`,
      password: 'old-password-1',
    });
    const api = await t.caller(asClient());
    await api.auth.requestPasswordReset({ email: user.email });
    const token = await emailedToken(user.id);

    expect(await api.auth.resetPassword({ token, password: 'new-password-2' })).toEqual({
      reset: true,
    });
    expect(await authenticate(t.db, user.email, 'new-password-2')).toMatchObject({ id: user.id });
    expect(await authenticate(t.db, user.email, 'old-password-1')).toBeNull();

    const again = await refusal(api.auth.resetPassword({ token, password: 'third-password-3' }));
    expect(again.code).toBe('BAD_REQUEST');
    expect(again.message).toBe(
      'This reset link has expired or was already used. Ask for a new one.',
    );
    expect(await authenticate(t.db, user.email, 'new-password-2')).toMatchObject({ id: user.id });
  });

  it('spends the other links of the account too', async () => {
    const user = await createUser(t.db, {
      email: `two-${fresh()}@example.test`,
      password: 'old-password-1',
    });
    const api = await t.caller(asClient());
    await api.auth.requestPasswordReset({ email: user.email });
    const first = await emailedToken(user.id);
    await api.auth.requestPasswordReset({ email: user.email });
    const second = await emailedToken(user.id);
    expect(second).not.toBe(first);

    await api.auth.resetPassword({ token: second, password: 'new-password-2' });
    const error = await refusal(
      api.auth.resetPassword({ token: first, password: 'sneaky-password' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(await authenticate(t.db, user.email, 'new-password-2')).toMatchObject({ id: user.id });
  });

  it('refuses an expired link and changes nothing', async () => {
    const user = await createUser(t.db, {
      email: `late-${fresh()}@example.test`,
      password: 'old-password-1',
    });
    const api = await t.caller(asClient());
    await api.auth.requestPasswordReset({ email: user.email });
    const token = await emailedToken(user.id);
    await t.db
      .updateTable('passwordResetTokens')
      .set({ expiresAt: sql<Date>`now() - interval '1 second'` })
      .where('userId', '=', user.id)
      .execute();

    const error = await refusal(api.auth.resetPassword({ token, password: 'new-password-2' }));
    expect(error.message).toBe(
      'This reset link has expired or was already used. Ask for a new one.',
    );
    expect(await authenticate(t.db, user.email, 'old-password-1')).toMatchObject({ id: user.id });
  });

  it('answers a short password or a malformed token at the field, and spends nothing', async () => {
    const user = await createUser(t.db, {
      email: `short-${fresh()}@example.test`,
      password: 'old-password-1',
    });
    const api = await t.caller(asClient());
    await api.auth.requestPasswordReset({ email: user.email });
    const token = await emailedToken(user.id);

    const { status, body } = await t.http('auth.resetPassword', { token, password: 'short' });
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({ password: ['Use at least 8 characters'] });
    const malformed = await t.http('auth.resetPassword', {
      token: 'abc',
      password: 'long-enough-1',
    });
    expect(malformed.body.error?.json.data.fieldErrors).toEqual({
      token: ['This reset link is not valid. Ask for a new one.'],
    });

    // The link still works after the refused attempts.
    await api.auth.resetPassword({ token, password: 'long-enough-1' });
    expect(await authenticate(t.db, user.email, 'long-enough-1')).toMatchObject({ id: user.id });
  });
});
