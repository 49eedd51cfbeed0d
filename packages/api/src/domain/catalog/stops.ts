import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { StopSuggestionsInput, type StopSuggestions } from './trips-schemas';

const SUGGESTION_LIMIT = 10;

/**
 * Cities and stop names of published trips containing `q`, for a search box: names that
 * start with `q` first. A stop named like its city appears once, as the city.
 */
export async function stopSuggestions(
  db: Db,
  rawInput: StopSuggestionsInput,
): Promise<StopSuggestions> {
  const input = StopSuggestionsInput.parse(rawInput);
  const escaped = input.q.replace(/[\\%_]/g, '\\$&');
  const contains = `%${escaped}%`;
  const prefix = `${escaped}%`;
  const { rows } = await sql<{ value: string; kind: 'city' | 'stop' }>`
    SELECT value, kind FROM (
      SELECT ts.city AS value, 'city' AS kind
      FROM trip_stops ts JOIN offerings o ON o.id = ts.offering_id
      WHERE o.status = 'published' AND ts.city ILIKE ${contains}
      UNION
      SELECT ts.name, 'stop'
      FROM trip_stops ts JOIN offerings o ON o.id = ts.offering_id
      WHERE o.status = 'published' AND ts.name ILIKE ${contains} AND lower(ts.name) <> lower(ts.city)
    ) places
    ORDER BY value ILIKE ${prefix} DESC, kind, value
    LIMIT ${SUGGESTION_LIMIT}
  `.execute(db);
  return { items: rows };
}
