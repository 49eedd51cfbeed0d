import { randomUUID } from 'node:crypto';
import { createStaffUser, createUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRoomToken } from '../domain/realtime/room-token';
import { env } from '../env';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { generalAdmission } from '../testing/engine-fixtures';

let t: ApiTest;
let orgId: string;
let reference: string;
const email = 'nadia@example.test';

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 3 });
  const { org, occurrence, ticketType } = await generalAdmission(t.db, { priceAmount: 0 });
  orgId = org.id;
  const api = await t.caller({ engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } });
  const hold = await api.holds.create({
    occurrenceId: occurrence.id,
    tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
  });
  ({ reference } = await api.bookings.checkout({
    holdId: hold.holdId,
    idempotencyKey: randomUUID(),
    contact: { name: 'Nadia Belkacem', email },
  }));
});
afterAll(() => t.close());

describe('staff.realtimeToken', () => {
  it("grants the staff member's own org feed only, for a few minutes", async () => {
    const { user } = await createStaffUser(t.db, { org: { id: orgId }, role: 'checkin' });
    const grant = await (await t.caller({ userId: user.id })).staff.realtimeToken();
    expect(grant.room).toBe(`org:${orgId}`);
    expect(verifyRoomToken(env.REALTIME_TOKEN_SECRET, grant.token, `org:${orgId}`)).toEqual({
      ok: true,
    });
    expect(verifyRoomToken(env.REALTIME_TOKEN_SECRET, grant.token, `org:${randomUUID()}`).ok).toBe(
      false,
    );
    const minutes = (grant.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(4);
    expect(minutes).toBeLessThanOrEqual(5);
  });

  it('is refused to guests and to customers', async () => {
    await expect((await t.caller()).staff.realtimeToken()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const customer = await createUser(t.db);
    await expect(
      (await t.caller({ userId: customer.id })).staff.realtimeToken(),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('bookings.realtimeToken', () => {
  it('grants the booking room to whoever gives its reference and email', async () => {
    const grant = await (
      await t.caller()
    ).bookings.realtimeToken({
      reference: reference.toLowerCase(),
      email: email.toUpperCase(),
    });
    expect(grant.room).toBe(`booking:${reference}`);
    expect(verifyRoomToken(env.REALTIME_TOKEN_SECRET, grant.token, grant.room)).toEqual({
      ok: true,
    });
  });

  it('refuses a wrong email with the same answer as an unknown reference, and bad input readably', async () => {
    const wrong = await t.http(
      'bookings.realtimeToken',
      { reference, email: 'someone@example.test' },
      { method: 'GET' },
    );
    const unknown = await t.http(
      'bookings.realtimeToken',
      { reference: 'ZZZZZZZZ', email },
      { method: 'GET' },
    );
    expect(wrong.status).toBe(404);
    expect(wrong.body.error?.json.message).toBe(unknown.body.error?.json.message);
    const bad = await t.http(
      'bookings.realtimeToken',
      { reference: 'no', email: 'x' },
      { method: 'GET' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.json.message).toMatch(/^Invalid input: reference: A booking reference/);
  });
});
