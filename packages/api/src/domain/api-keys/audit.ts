import type { Db } from '@tessera/db';
import type { Actor } from '../../context';
import { recordAudit } from '../audit/record';

type ApiKeyActor = Extract<Actor, { kind: 'apiKey' }>;

export interface ApiKeyCall {
  /** The procedure, e.g. `holds.create`. */
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  /** `ok`, or the error code the call was answered with (e.g. `NOT_FOUND`). */
  outcome: string;
}

/**
 * One audit row per call made with a key, reads and refusals included: an integrator's
 * every request is attributable to the key that made it. A refusal before the procedure
 * (a missing scope, the rate limit) leaves no row: the key did not reach anything.
 */
export function recordApiKeyCall(
  db: Db,
  actor: ApiKeyActor,
  call: ApiKeyCall,
  requestId: string,
): Promise<void> {
  return recordAudit(db, {
    orgId: actor.orgId,
    actor: { userId: null, apiKeyId: actor.apiKeyId, label: actor.label },
    action: `api.${call.path}`,
    entityType: 'api_key',
    entityId: actor.apiKeyId,
    changes: { type: call.type, outcome: call.outcome },
    requestId,
  });
}
