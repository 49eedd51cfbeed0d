import type { Db } from '@tessera/db';
import type { Tx } from '../shared/idempotency';

/** Who did it: a person, or an org's API key (then `userId` is null). */
export interface AuditActor {
  userId: string | null;
  apiKeyId: string | null;
  /** How the log names them: an email, or "API key <name> (<prefix>…)". */
  label: string;
}

export interface AuditEntry {
  orgId: string;
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, unknown>;
  requestId: string;
}

/**
 * Every staff mutation lands here, in the transaction of the change (invariant 6); a record
 * that changes nothing else (an API key's call) is one statement of its own.
 */
export async function recordAudit(tx: Tx | Db, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('auditLog')
    .values({
      orgId: entry.orgId,
      actorUserId: entry.actor.userId,
      actorApiKeyId: entry.actor.apiKeyId,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: JSON.stringify(entry.changes),
      requestId: entry.requestId,
    })
    .execute();
}
