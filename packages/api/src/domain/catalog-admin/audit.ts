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
