import { describe, expect, it } from 'vitest';
import { apiKeyStaffRole, isRole, roleCan } from './permissions';

describe('roleCan', () => {
  it('lets the owner do everything', () => {
    expect(roleCan('owner', 'staff:manage')).toBe(true);
    expect(roleCan('owner', 'payments:refund')).toBe(true);
  });

  it('keeps auditors read-only', () => {
    expect(roleCan('auditor', 'audit:read')).toBe(true);
    expect(roleCan('auditor', 'bookings:read')).toBe(true);
    expect(roleCan('auditor', 'bookings:write')).toBe(false);
    expect(roleCan('auditor', 'checkin:write')).toBe(false);
  });

  it('lets check-in staff scan but not sell, and agents sell but not refund', () => {
    expect(roleCan('checkin', 'checkin:write')).toBe(true);
    expect(roleCan('checkin', 'bookings:write')).toBe(false);
    expect(roleCan('agent', 'bookings:write')).toBe(true);
    expect(roleCan('agent', 'payments:refund')).toBe(false);
    expect(roleCan('manager', 'staff:manage')).toBe(false);
  });

  it('lets owners and managers handle failed jobs and webhooks, and auditors read webhooks', () => {
    expect(roleCan('manager', 'jobs:manage')).toBe(true);
    expect(roleCan('agent', 'jobs:manage')).toBe(false);
    expect(roleCan('auditor', 'webhooks:read')).toBe(true);
    expect(roleCan('auditor', 'webhooks:write')).toBe(false);
  });
});

describe('isRole', () => {
  it('tells role names from other strings', () => {
    expect(isRole('checkin')).toBe(true);
    expect(isRole('superadmin')).toBe(false);
    expect(isRole('toString')).toBe(false);
  });
});

describe('apiKeyStaffRole', () => {
  it("gives admin:write keys a manager's reach, admin:read keys an auditor's, others none", () => {
    expect(apiKeyStaffRole(['admin:read', 'admin:write'])).toBe('manager');
    expect(apiKeyStaffRole(['catalog:read', 'admin:read'])).toBe('auditor');
    expect(apiKeyStaffRole(['catalog:read', 'bookings:write'])).toBeNull();
  });
});
