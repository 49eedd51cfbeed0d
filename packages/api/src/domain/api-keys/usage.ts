import type { Db } from '@tessera/db';
import { sql } from 'kysely';

const TOUCH_INTERVAL_MS = 60_000;
// Per process: which keys this process has stamped recently, so most calls write nothing.
const touchedAt = new Map<string, number>();

/**
 * Records that a key was used, at most once a minute per key and process; the conditional
 * UPDATE keeps several app servers from each writing within the same minute.
 */
export async function touchApiKey(db: Db, apiKeyId: string, now = Date.now()): Promise<void> {
  const last = touchedAt.get(apiKeyId);
  if (last !== undefined && now - last < TOUCH_INTERVAL_MS) return;
  touchedAt.set(apiKeyId, now);
  await db
    .updateTable('apiKeys')
    .set({ lastUsedAt: sql<Date>`now()` })
    .where('id', '=', apiKeyId)
    .where((eb) =>
      eb.or([
        eb('lastUsedAt', 'is', null),
        eb('lastUsedAt', '<', sql<Date>`now() - interval '1 minute'`),
      ]),
    )
    .execute();
}
