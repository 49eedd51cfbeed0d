import { z } from 'zod';
import { Cursor } from '../shared/schemas';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `user:<id>` or `key:<id>`: who acted, as the filter list offers it. */
export const AuditActorFilter = z
  .string()
  .regex(new RegExp(`^(user|key):${uuid}$`), { error: 'Choose someone from the list' });

const LocalDate = z.iso.date({ error: 'Give a date as YYYY-MM-DD' });

export const AuditLogInput = z
  .object({
    actor: AuditActorFilter.optional(),
    entityType: z
      .string()
      .trim()
      .regex(/^[a-z_]{1,60}$/, { error: 'Choose an entity type from the list' })
      .optional(),
    /** Entries on or after this day, in the org's zone. */
    from: LocalDate.optional(),
    /** ... and on or before this day. */
    to: LocalDate.optional(),
    cursor: Cursor.optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    error: 'The first day must not be after the last',
    path: ['to'],
  });
export type AuditLogInput = z.input<typeof AuditLogInput>;

export const AuditActor = z.object({
  kind: z.enum(['user', 'apiKey', 'system']),
  /** The filter value (`user:<id>`, `key:<id>`); null for the platform itself. */
  filter: z.string().nullable(),
  label: z.string(),
});

export const AuditLogEntry = z.object({
  id: z.number().int(),
  at: z.date(),
  actor: AuditActor,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.unknown()),
});
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

export const AuditLogPage = z.object({
  /** The org's zone: the date filters' days and how times are shown. */
  timeZone: z.string(),
  items: z.array(AuditLogEntry),
  nextCursor: z.string().nullable(),
});
export type AuditLogPage = z.infer<typeof AuditLogPage>;

export const AuditLogFilters = z.object({
  actors: z.array(AuditActor),
  entityTypes: z.array(z.string()),
});
export type AuditLogFilters = z.infer<typeof AuditLogFilters>;
