/** The roles staff can be given, with what each may do, for the team page's selects. */
export const ROLE_CHOICES = [
  { value: 'owner', label: 'Owner — everything, staff and API keys included' },
  { value: 'manager', label: 'Manager — catalog, bookings, refunds, settings' },
  { value: 'agent', label: 'Agent — sells and looks after bookings' },
  { value: 'checkin', label: 'Check-in — scans tickets at the door' },
  { value: 'auditor', label: 'Auditor — reads everything, changes nothing' },
] as const;
