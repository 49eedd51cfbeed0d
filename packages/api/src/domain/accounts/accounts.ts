import { hashPassword, isUniqueViolation, verifyPassword, type Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { SignUpInput, UserView } from './schemas';

/** Creates a customer account. Staff accounts come from invitations, not from here. */
export async function signUp(db: Db, input: SignUpInput): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db
      .insertInto('users')
      .values({ email: input.email, name: input.name, passwordHash })
      .returning(['id', 'email', 'name'])
      .executeTakeFirstOrThrow();
    return { ...user, isStaff: false };
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new AppError(
        'EMAIL_TAKEN',
        'An account with this email already exists. Sign in instead.',
      );
    }
    throw error;
  }
}

// Verified against when the email is unknown, so both paths take the same time.
const timingDecoy = hashPassword('not-a-real-password-used-for-timing');

/** The user whose password matches, or null; never says which of the two was wrong. */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
): Promise<UserView | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'passwordHash'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  const ok = await verifyPassword(user?.passwordHash ?? (await timingDecoy), password);
  if (!user?.passwordHash || !ok) return null;
  return userView(db, user.id);
}

export async function userView(db: Db, userId: string): Promise<UserView | null> {
  const user = await db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.name',
      eb
        .or([
          eb('users.superadmin', '=', true),
          eb.exists(
            eb
              .selectFrom('memberships')
              .select('memberships.orgId')
              .whereRef('memberships.userId', '=', 'users.id'),
          ),
        ])
        .as('isStaff'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return user ? { ...user, isStaff: Boolean(user.isStaff) } : null;
}
