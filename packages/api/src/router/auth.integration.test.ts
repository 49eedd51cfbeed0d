import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../domain/accounts/accounts';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
beforeAll(async () => {
  t = await setupApiTest();
});
afterAll(() => t.close());

const countUsers = async () =>
  (
    await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('auth.signUp', () => {
  it('creates a customer whose password is stored as an argon2 hash', async () => {
    const api = await t.caller();
    const user = await api.auth.signUp({
      name: 'Nadia Amrani',
      email: ' Nadia@Example.test ',
      password: 'long-enough-1',
    });
    expect(user).toMatchObject({
      email: 'nadia@example.test',
      name: 'Nadia Amrani',
      isStaff: false,
    });
    const row = await t.db
      .selectFrom('users')
      .select('passwordHash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('long-enough-1');
  });

  it('refuses an email that already has an account, whatever its case', async () => {
    const api = await t.caller();
    await api.auth.signUp({
      name: 'First',
      email: 'taken@example.test',
      password: 'long-enough-1',
    });
    const error = await rejection(
      api.auth.signUp({ name: 'Second', email: 'TAKEN@example.test', password: 'long-enough-2' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('An account with this email already exists. Sign in instead.');
  });

  it('answers bad input with a readable message per field and changes nothing', async () => {
    const before = await countUsers();
    const { status, body } = await t.http('auth.signUp', {
      name: '',
      email: 'not-an-email',
      password: 'short',
    });
    expect(status).toBe(400);
    const error = body.error?.json;
    expect(error?.message).toBe(
      'Invalid input: name: Enter your name; email: Enter a valid email address; password: Use at least 8 characters',
    );
    expect(error?.data).toMatchObject({
      code: 'BAD_REQUEST',
      appCode: 'VALIDATION',
      fieldErrors: {
        name: ['Enter your name'],
        email: ['Enter a valid email address'],
        password: ['Use at least 8 characters'],
      },
    });
    expect(await countUsers()).toBe(before);
  });

  it('sends a taken email back as a conflict with the domain code', async () => {
    await (
      await t.caller()
    ).auth.signUp({ name: 'A', email: 'dup@example.test', password: 'long-enough-1' });
    const { status, body } = await t.http('auth.signUp', {
      name: 'B',
      email: 'dup@example.test',
      password: 'long-enough-2',
    });
    expect(status).toBe(409);
    expect(body.error?.json.data.appCode).toBe('EMAIL_TAKEN');
  });
});

describe('sign-in credentials', () => {
  it('accepts the right password and refuses a wrong one or an unknown email', async () => {
    const api = await t.caller();
    const created = await api.auth.signUp({
      name: 'Samir',
      email: 'samir@example.test',
      password: 'correct-horse',
    });

    expect(await authenticate(t.db, 'SAMIR@example.test', 'correct-horse')).toMatchObject({
      id: created.id,
    });
    expect(await authenticate(t.db, 'samir@example.test', 'wrong-horse')).toBeNull();
    expect(await authenticate(t.db, 'nobody@example.test', 'correct-horse')).toBeNull();
  });

  it('puts the signed-in user in the context, and a guest is nobody', async () => {
    const api = await t.caller();
    const created = await api.auth.signUp({
      name: 'Lina',
      email: 'lina@example.test',
      password: 'correct-horse',
    });
    expect(await (await t.caller({ userId: created.id })).auth.me()).toMatchObject({
      email: 'lina@example.test',
    });
    expect(await (await t.caller()).auth.me()).toBeNull();
  });
});
