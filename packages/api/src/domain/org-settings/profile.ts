import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import type { Tx } from '../shared/idempotency';
import type { OrgProfileView, UpdateOrgProfileInput } from './schemas';

const profileColumns = [
  'id',
  'slug',
  'name',
  'contactEmail',
  'timeZone',
  'currency',
  'holdMinutes',
  'defaultTaxRateId',
] as const;

export async function orgProfile(db: Db | Tx, orgId: string): Promise<OrgProfileView> {
  const org = await db
    .selectFrom('orgs')
    .select(profileColumns)
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const taxRates = await db
    .selectFrom('taxRates')
    .select(['id', 'name', 'rateBasisPoints', 'inclusive'])
    .where('orgId', '=', orgId)
    .orderBy('name')
    .execute();
  return { ...org, taxRates };
}

/**
 * Saves the profile and defaults, auditing only what changed. The next hold of the org
 * reads the new hold time (holds read it per request); holds already made keep theirs.
 */
export async function updateOrgProfile(
  db: Db,
  input: UpdateOrgProfileInput,
  staff: StaffMember,
  requestId: string,
): Promise<OrgProfileView> {
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('orgs')
      .select(profileColumns)
      .where('id', '=', staff.orgId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (input.defaultTaxRateId) {
      const rate = await tx
        .selectFrom('taxRates')
        .select('id')
        .where('id', '=', input.defaultTaxRateId)
        .where('orgId', '=', staff.orgId)
        .executeTakeFirst();
      if (!rate)
        throw new AppError('NOT_FOUND', 'This tax rate was not found.', {
          field: 'defaultTaxRateId',
        });
    }
    await tx.updateTable('orgs').set(input).where('id', '=', staff.orgId).execute();
    const changes = Object.fromEntries(
      (Object.keys(input) as (keyof UpdateOrgProfileInput)[])
        .filter((key) => before[key] !== input[key])
        .map((key) => [key, { from: before[key], to: input[key] }]),
    );
    if (Object.keys(changes).length > 0)
      await recordAudit(tx, {
        orgId: staff.orgId,
        actor: staff.actor,
        action: 'org.updated',
        entityType: 'org',
        entityId: staff.orgId,
        changes,
        requestId,
      });
    return orgProfile(tx, staff.orgId);
  });
}
