import { z } from 'zod';
import { Email } from '../accounts/schemas';

export const JoinWaitlistInput = z.object({
  occurrenceId: z.uuid(),
  ticketTypeId: z.uuid().optional(),
  quantity: z.number().int().min(1, { error: 'Ask for at least 1 place' }).max(20),
  email: Email,
  name: z.string().trim().max(120).optional(),
});

export type JoinWaitlistInput = z.infer<typeof JoinWaitlistInput>;

export const WaitlistEntryView = z.object({
  entryId: z.uuid(),
  position: z.number().int(),
  status: z.enum(['waiting', 'offered']),
});
