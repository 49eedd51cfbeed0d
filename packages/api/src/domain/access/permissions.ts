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
  'payments:refund': ['owner', 'manager'],
  'checkin:write': ['owner', 'manager', 'checkin'],
  'reports:read': ['owner', 'manager', 'auditor'],
  'audit:read': ['owner', 'manager', 'auditor'],
  'settings:write': ['owner'],
  'staff:manage': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export function roleCan(role: Role, permission: Permission): boolean {
  return (GRANTS[permission] as readonly Role[]).includes(role);
}
