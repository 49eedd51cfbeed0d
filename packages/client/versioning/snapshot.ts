import {
  procedureSchemas,
  REST_OPERATIONS,
  toJsonSchema,
  type JsonSchema,
} from '@tessera/api/openapi';

/** Each public procedure's contract: what a client sends, and what it reads back. */
export type PublicApiSnapshot = Record<string, { input: JsonSchema; output: JsonSchema }>;

/**
 * The public procedures' schemas as JSON Schema. They are the objects `@tessera/client/schemas`
 * re-exports (one source), read here from the routers so that each is seen from its side.
 */
export function publicApiSnapshot(): PublicApiSnapshot {
  return Object.fromEntries(
    REST_OPERATIONS.map(({ procedure }) => procedure)
      .sort()
      .map((procedure) => {
        const { input, output } = procedureSchemas(procedure);
        return [
          procedure,
          {
            input: input ? toJsonSchema(input, 'input') : {},
            output: toJsonSchema(output, 'output'),
          },
        ];
      }),
  );
}

export const SNAPSHOT_FILE = new URL('./public-api.snapshot.json', import.meta.url);
