import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import type { SaveTaxRateInput } from './schemas';

const columns = ['id', 'name', 'rateBasisPoints', 'inclusive'] as const;

export function listTaxRates(db: Db, orgId: string) {
  return db
    .selectFrom('taxRates')
    .select(columns)
    .where('orgId', '=', orgId)
    .orderBy('name')
    .execute();
}

/**
 * Creates a rate, or changes one of the org's (audited with what changed). Bookings keep the
 * tax they were charged; the next quote prices with the new rate.
 */
export function saveTaxRate(
  db: Db,
  input: SaveTaxRateInput,
  staff: StaffMember,
  requestId: string,
) {
  const { id, ...values } = input;
  return db.transaction().execute(async (tx) => {
    const before = id
      ? await tx
          .selectFrom('taxRates')
          .select(columns)
          .where('id', '=', id)
          .where('orgId', '=', staff.orgId)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (id && !before) throw new AppError('NOT_FOUND', 'This tax rate was not found.');
    const saved = before
      ? await tx
          .updateTable('taxRates')
          .set(values)
          .where('id', '=', before.id)
          .returning(columns)
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('taxRates')
          .values({ ...values, orgId: staff.orgId })
          .returning(columns)
          .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: before ? 'tax_rate.updated' : 'tax_rate.created',
      entityType: 'tax_rate',
      entityId: saved.id,
      changes: before
        ? Object.fromEntries(
            (Object.keys(values) as (keyof typeof values)[])
              .filter((key) => before[key] !== values[key])
              .map((key) => [key, { from: before[key], to: values[key] }]),
          )
        : values,
      requestId,
    });
    return saved;
  });
}
