import type { Memberships } from '@tessera/db';

export type Role = Memberships['role'];

/**
 * What each staff role may do. Roles are not a ladder: check-in staff scan tickets but
 * do not sell, auditors read everything and change nothing.
 */
const GRANTS = {
  'catalog:read': ['owner', 'manager', 'agent', 'checkin', 'auditor'],
  'catalog:write': ['owner', 'manager'],
  'bookings:read': ['owner', 'manager', 'agent', 'checkin', 'auditor'],
  'bookings:write': ['owner', 'manager', 'agent'],
  /** Phone and desk sales and quotes: book for a customer on the agent channel. */
  'bookings:sell': ['owner', 'manager', 'agent'],
  /** Quotes are sales work: sellers and auditors read them, check-in staff do not. */
  'quotes:read': ['owner', 'manager', 'agent', 'auditor'],
  'payments:refund': ['owner', 'manager'],
  'checkin:write': ['owner', 'manager', 'checkin'],
  'reports:read': ['owner', 'manager', 'auditor'],
  'audit:read': ['owner', 'manager', 'auditor'],
  /** The org's profile and defaults (hold time, currency, tax rate). */
  'org:read': ['owner', 'manager', 'auditor'],
  'org:write': ['owner', 'manager'],
  /** API keys: a key acts for the whole org. */
  'settings:write': ['owner'],
  /** Members and invitations: who works here, with which role. */
  'staff:read': ['owner', 'manager', 'auditor'],
  'staff:manage': ['owner'],
  /** The email outbox: what was sent or would be sent, and sending a failed one again. */
  'messages:read': ['owner', 'manager', 'auditor'],
  'messages:resend': ['owner', 'manager'],
  'webhooks:read': ['owner', 'manager', 'auditor'],
  'webhooks:write': ['owner', 'manager'],
  /** Failed jobs (the dead letter): see and retry them. */
  'jobs:manage': ['owner', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

/** Every role, once (the type makes the list complete). */
const ROLES: Record<Role, true> = {
  owner: true,
  manager: true,
  agent: true,
  checkin: true,
  auditor: true,
};

/** A role name read from outside the type system (an API answer, a session). */
export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

/**
 * The role an org's API key acts as on staff procedures: `admin:write` as a manager (reads
 * and changes, refunds and the org's defaults included), `admin:read` as the read-only
 * auditor. Never as an owner: a key cannot manage staff or other keys.
 */
export function apiKeyStaffRole(scopes: readonly string[]): Role | null {
  if (scopes.includes('admin:write')) return 'manager';
  if (scopes.includes('admin:read')) return 'auditor';
  return null;
}

export function roleCan(role: Role, permission: Permission): boolean {
  return (GRANTS[permission] as readonly Role[]).includes(role);
}
