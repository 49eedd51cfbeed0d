'use server';

import { ScanInput, type ScanResult } from '@tessera/api/domain/check-in/schemas';
import { TRPCError } from '@trpc/server';
import { serverApi } from '~/trpc/server';

export type ScanAnswer = { ok: true; scan: ScanResult } | { ok: false; message: string };

/** One scan or typed code at the door. */
export async function scanTicket(input: {
  occurrenceId: string;
  scanned: string;
  gate: string;
}): Promise<ScanAnswer> {
  const parsed = ScanInput.safeParse({ ...input, gate: input.gate || undefined });
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(' ') };
  try {
    return { ok: true, scan: await (await serverApi()).staff.checkIn.scan(parsed.data) };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, message: error.message };
    throw error;
  }
}
