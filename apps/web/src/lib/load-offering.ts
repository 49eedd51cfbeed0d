import 'server-only';
import { TRPCError } from '@trpc/server';
import { cache } from 'react';
import { serverApi } from '~/trpc/server';

/** The offering behind a slug, or null when there is none (the page then shows 404). */
export const loadOffering = cache(async (slug: string) => {
  const api = await serverApi();
  try {
    return await api.catalog.offering({ slug });
  } catch (error) {
    if (
      error instanceof TRPCError &&
      (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')
    ) {
      return null;
    }
    throw error;
  }
});
