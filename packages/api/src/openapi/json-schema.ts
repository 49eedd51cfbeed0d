import { z } from 'zod';

export type JsonSchema = z.core.JSONSchema.BaseSchema;

/**
 * JSON Schema (2020-12, OpenAPI 3.1's dialect) of a zod schema. Dates travel as ISO 8601
 * strings over REST; the schemas that stand for a `Date` are remembered so that a REST
 * input can be turned back into what the procedure expects (`reviveDates`).
 */
const dateSchemas = new WeakSet<object>();

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override({ zodSchema, jsonSchema }) {
      if (zodSchema._zod.def.type !== 'date') return;
      jsonSchema.type = 'string';
      jsonSchema.format = 'date-time';
      dateSchemas.add(jsonSchema);
    },
  });
}

/** `value` with every ISO string that the schema says is a date made a `Date`. */
export function reviveDates(value: unknown, schema: JsonSchema | boolean | undefined): unknown {
  if (typeof schema !== 'object') return value;
  if (dateSchemas.has(schema) && typeof value === 'string') return new Date(value);
  let revived = value;
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    revived = reviveDates(revived, branch);
  if (Array.isArray(revived) && typeof schema.items === 'object' && !Array.isArray(schema.items))
    return revived.map((item) => reviveDates(item, schema.items as JsonSchema));
  if (revived && typeof revived === 'object' && schema.properties) {
    const properties = schema.properties;
    return Object.fromEntries(
      Object.entries(revived).map(([key, item]) => [key, reviveDates(item, properties[key])]),
    );
  }
  return revived;
}
