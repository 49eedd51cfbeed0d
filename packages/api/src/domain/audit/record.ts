import type { Tx } from '../shared/idempotency';

export interface AuditEntry {
  orgId: string;
  actor: { userId: string | null; apiKeyId?: string | null; label: string };
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, unknown>;
  requestId: string;
}

/** Every staff mutation lands here, in the transaction of the change (invariant 6). */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('auditLog')
    .values({
      orgId: entry.orgId,
      actorUserId: entry.actor.userId,
      actorApiKeyId: entry.actor.apiKeyId ?? null,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: JSON.stringify(entry.changes),
      requestId: entry.requestId,
    })
    .execute();
}
