import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, type Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import { enqueueOutbox } from '../shared/outbox';
import type { RequestPasswordResetInput, ResetPasswordInput } from './schemas';

/** How long an emailed reset link works. */
export const PASSWORD_RESET_MINUTES = 60;

/** Only a hash is stored: a copy of the table does not let anyone reset a password. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Emails a single-use reset link when the address has an account, and does nothing
 * otherwise: the caller gets the same answer either way, so addresses cannot be probed.
 * The email is written to the outbox in the token's transaction and sent by the worker.
 */
export async function requestPasswordReset(
  db: Db,
  input: RequestPasswordResetInput,
  siteUrl: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select('id')
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (!user) return;
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_MINUTES * 60_000);
    await tx
      .insertInto('passwordResetTokens')
      .values({ tokenHash: hashToken(token), userId: user.id, expiresAt })
      .execute();
    await enqueueOutbox(tx, [
      {
        orgId: null,
        aggregateType: 'user',
        aggregateId: user.id,
        eventType: 'account.password_reset_requested',
        payload: { resetUrl: `${siteUrl}/reset-password/${token}`, expiresAt },
      },
    ]);
  });
}

/**
 * Sets a new password with a reset token. The token is spent by the same conditional
 * UPDATE that checks it, so two uses at once cannot both succeed; the user's other
 * outstanding links stop working too.
 */
export async function resetPassword(db: Db, input: ResetPasswordInput): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (tx) => {
    const spent = await tx
      .updateTable('passwordResetTokens')
      .set({ usedAt: sql<Date>`now()` })
      .where('tokenHash', '=', hashToken(input.token))
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', sql<Date>`now()`)
      .returning('userId')
      .executeTakeFirst();
    if (!spent) {
      throw new AppError(
        'VALIDATION',
        'This reset link has expired or was already used. Ask for a new one.',
      );
    }
    await tx.updateTable('users').set({ passwordHash }).where('id', '=', spent.userId).execute();
    await tx
      .updateTable('passwordResetTokens')
      .set({ usedAt: sql<Date>`now()` })
      .where('userId', '=', spent.userId)
      .where('usedAt', 'is', null)
      .execute();
  });
}
