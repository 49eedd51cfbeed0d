import type { Db } from '@tessera/db';
import type { Actor } from '../../context';
import { recordAudit } from '../audit/record';

type ApiKeyActor = Extract<Actor, { kind: 'apiKey' }>;

/** One audit row per successful mutation made with a key: which procedure, under which key. */
export function recordApiKeyCall(
  db: Db,
  actor: ApiKeyActor,
  path: string,
  requestId: string,
): Promise<void> {
  return db.transaction().execute((tx) =>
    recordAudit(tx, {
      orgId: actor.orgId,
      actor: { userId: null, apiKeyId: actor.apiKeyId, label: actor.label },
      action: `api.${path}`,
      entityType: 'api_key',
      entityId: actor.apiKeyId,
      changes: {},
      requestId,
    }),
  );
}
