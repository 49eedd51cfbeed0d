import type { BadgeTone } from '@tessera/ui';

/** An outbound message's status in words; `recorded` means no mail server is configured. */
export const messageStatus: Record<string, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Queued', tone: 'warning' },
  sent: { label: 'Sent', tone: 'success' },
  recorded: { label: 'Recorded (not sent)', tone: 'neutral' },
  failed: { label: 'Failed', tone: 'danger' },
};
