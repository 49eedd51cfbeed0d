import { z } from 'zod';

/** A grant to join one private room of the realtime gateway, as the API answers it. */
export const RoomTokenView = z.object({
  token: z.string(),
  room: z.string(),
  expiresAt: z.date(),
});
