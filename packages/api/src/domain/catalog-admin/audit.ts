import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import type { Tx } from '../shared/idempotency';

/** One audit entry for a catalog change, in the change's transaction. */
export function auditCatalogChange(
  tx: Tx,
  staff: StaffMember,
  requestId: string,
  change: {
    action: string;
    entityType: string;
    entityId: string;
    changes: Record<string, unknown>;
  },
): Promise<void> {
  return recordAudit(tx, {
    orgId: staff.orgId,
    actor: staff.actor,
    requestId,
    ...change,
  });
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** The fields an update changed (those of `after`), each as { from, to }, for its audit entry. */
export function changesOf(
  before: object,
  after: object,
): Record<string, { from: unknown; to: unknown }> {
  const old = new Map(Object.entries(before));
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after))
    if (!same(old.get(key), value)) changes[key] = { from: old.get(key), to: value };
  return changes;
}
