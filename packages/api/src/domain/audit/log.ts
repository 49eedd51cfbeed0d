import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { encodeCursor, olderThanCursorRow } from '../shared/schemas';
import {
  AuditLogInput,
  type AuditLogEntry,
  type AuditLogFilters,
  type AuditLogPage,
} from './schemas';

function auditActor(row: {
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorLabel: string;
}): AuditLogEntry['actor'] {
  if (row.actorApiKeyId)
    return { kind: 'apiKey', filter: `key:${row.actorApiKeyId}`, label: row.actorLabel };
  if (row.actorUserId)
    return { kind: 'user', filter: `user:${row.actorUserId}`, label: row.actorLabel };
  return { kind: 'system', filter: null, label: row.actorLabel };
}

/**
 * The org's audit log, newest first, filtered by who acted, the entity type and local days
 * in the org's zone; keyset pagination on (created_at, id), the cursor naming the last row.
 */
export async function auditLog(
  db: Db,
  orgId: string,
  rawInput: AuditLogInput,
): Promise<AuditLogPage> {
  const input = AuditLogInput.parse(rawInput);
  const { timeZone } = await db
    .selectFrom('orgs')
    .select('timeZone')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  let query = db
    .selectFrom('auditLog as a')
    .select([
      'a.id',
      'a.createdAt',
      'a.actorUserId',
      'a.actorApiKeyId',
      'a.actorLabel',
      'a.action',
      'a.entityType',
      'a.entityId',
      'a.changes',
    ])
    .where('a.orgId', '=', orgId);
  if (input.actor) {
    const [kind, id] = input.actor.split(':');
    query = query.where(kind === 'key' ? 'a.actorApiKeyId' : 'a.actorUserId', '=', id ?? '');
  }
  if (input.entityType) query = query.where('a.entityType', '=', input.entityType);
  // A day runs from the org's local midnight to the next.
  if (input.from)
    query = query.where(
      'a.createdAt',
      '>=',
      sql<Date>`${input.from}::date::timestamp AT TIME ZONE ${timeZone}`,
    );
  if (input.to)
    query = query.where(
      'a.createdAt',
      '<',
      sql<Date>`(${input.to}::date + 1)::timestamp AT TIME ZONE ${timeZone}`,
    );
  if (input.cursor)
    query = query.where(
      olderThanCursorRow({
        cursor: input.cursor,
        table: 'audit_log',
        alias: 'a',
        orgId,
        isId: (id): id is number => typeof id === 'number' && Number.isSafeInteger(id),
      }),
    );
  const rows = await query
    .orderBy('a.createdAt', 'desc')
    .orderBy('a.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    timeZone,
    items: page.map((row) => ({
      id: row.id,
      at: row.createdAt,
      actor: auditActor(row),
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      changes: isRecord(row.changes) ? row.changes : {},
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the filters offer: everyone who acted in the org (latest label) and every entity type. */
export async function auditLogFilters(db: Db, orgId: string): Promise<AuditLogFilters> {
  const [actors, entityTypes] = await Promise.all([
    db
      .selectFrom('auditLog')
      .select([
        'actorUserId',
        'actorApiKeyId',
        sql<string>`(array_agg(actor_label ORDER BY id DESC))[1]`.as('actorLabel'),
      ])
      .where('orgId', '=', orgId)
      .where((eb) =>
        eb.or([eb('actorUserId', 'is not', null), eb('actorApiKeyId', 'is not', null)]),
      )
      .groupBy(['actorUserId', 'actorApiKeyId'])
      .orderBy('actorLabel')
      .execute(),
    db
      .selectFrom('auditLog')
      .select('entityType')
      .distinct()
      .where('orgId', '=', orgId)
      .orderBy('entityType')
      .execute(),
  ]);
  return {
    actors: actors.map(auditActor),
    entityTypes: entityTypes.map((row) => row.entityType),
  };
}
