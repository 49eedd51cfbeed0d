import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { param, type SearchParams } from './search-params';

export interface FilteredList<Name extends string, Page> {
  /** The filters as the query string gave them (for the form's defaults). */
  filters: Record<Name, string | undefined>;
  /** The page the API returned, or null when the filters were refused. */
  page: Page | null;
  /** Why the filters cannot be used, in the API's words. */
  error: string | null;
  /** The query string of the next page: the same filters and the page's cursor. */
  nextQuery: string | null;
}

/**
 * One page of a filtered, cursor-paged list: the query string's filters checked by the
 * procedure's own schema, then the call; a refusal becomes a message, never a crash.
 */
export async function loadFilteredList<
  Name extends string,
  Input,
  Page extends { nextCursor: string | null },
>(
  params: SearchParams,
  names: readonly Name[],
  schema: z.ZodType<Input>,
  list: (input: Input) => Promise<Page>,
): Promise<FilteredList<Name, Page>> {
  const filters = Object.fromEntries(names.map((name) => [name, param(params, name)])) as Record<
    Name,
    string | undefined
  >;
  const input = schema.safeParse({ ...filters, cursor: param(params, 'cursor') });
  if (!input.success) {
    const error = input.error.issues.map((issue) => issue.message).join(' ');
    return { filters, page: null, error, nextQuery: null };
  }
  let page: Page;
  try {
    page = await list(input.data);
  } catch (cause) {
    if (!(cause instanceof TRPCError)) throw cause;
    return { filters, page: null, error: cause.message, nextQuery: null };
  }
  const next = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  if (page.nextCursor) next.set('cursor', page.nextCursor);
  return { filters, page, error: null, nextQuery: page.nextCursor ? next.toString() : null };
}
