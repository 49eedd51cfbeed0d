import type { BadgeTone } from '@tessera/ui';

const roles: Record<string, string> = {
  owner: 'Owner',
  manager: 'Manager',
  agent: 'Agent',
  checkin: 'Check-in',
  auditor: 'Auditor',
};

export function roleLabel(role: string): string {
  return roles[role] ?? role;
}

export const kindLabel = { event: 'Event', trip: 'Trip', appointment: 'Appointment' } as const;

export const statusBadge: Record<string, { label: string; tone: BadgeTone }> = {
  scheduled: { label: 'Scheduled', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'danger' },
  completed: { label: 'Completed', tone: 'neutral' },
};
