import type { JsonSchema } from '@tessera/api/openapi';
import type { PublicApiSnapshot } from './snapshot';

type Side = 'input' | 'output';
type Schema = JsonSchema | boolean | undefined;

const asObject = (schema: Schema): JsonSchema => (typeof schema === 'object' ? schema : {});
const types = (schema: JsonSchema) =>
  new Set(Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/**
 * What would break an integration built against `before`. Inputs may only widen (a client's
 * old requests must still pass): no new required field, no removed field, no tighter limit,
 * no removed enum value. Outputs may only grow (a client's old reads must still hold): no
 * removed or newly optional field, no new enum value, no changed type.
 */
function compare(before: Schema, after: Schema, side: Side, at: string, found: string[]) {
  const a = asObject(before);
  const b = asObject(after);
  const typesA = types(a);
  const typesB = types(b);
  if (typesA.size && typesB.size) {
    const lost = [...typesA].filter((type) => !typesB.has(type));
    const gained = [...typesB].filter((type) => !typesA.has(type));
    if (side === 'input' ? lost.length : gained.length)
      found.push(`${at}: type ${[...typesA].join('|')} became ${[...typesB].join('|')}`);
  }
  if (a.enum && b.enum) {
    const removed = a.enum.filter((value) => !b.enum?.includes(value));
    const added = b.enum.filter((value) => !a.enum?.includes(value));
    if (side === 'input' && removed.length)
      found.push(`${at}: no longer accepts ${removed.join(', ')}`);
    if (side === 'output' && added.length) found.push(`${at}: may now return ${added.join(', ')}`);
  }
  if (side === 'input') {
    for (const key of ['minLength', 'minimum', 'minItems'] as const)
      if ((b[key] ?? -Infinity) > (a[key] ?? -Infinity))
        found.push(`${at}: ${key} raised to ${String(b[key])}`);
    for (const key of ['maxLength', 'maximum', 'maxItems'] as const)
      if ((b[key] ?? Infinity) < (a[key] ?? Infinity))
        found.push(`${at}: ${key} lowered to ${String(b[key])}`);
  }
  const requiredA = new Set(a.required ?? []);
  const requiredB = new Set(b.required ?? []);
  for (const [name, schema] of Object.entries(a.properties ?? {})) {
    const next = b.properties?.[name];
    if (next === undefined) {
      found.push(`${at}.${name}: removed`);
      continue;
    }
    if (side === 'output' && requiredA.has(name) && !requiredB.has(name))
      found.push(`${at}.${name}: may now be missing`);
    compare(schema, next, side, `${at}.${name}`, found);
  }
  if (side === 'input')
    for (const name of requiredB)
      if (!requiredA.has(name)) found.push(`${at}.${name}: newly required`);
  if (typeof a.items === 'object' && !Array.isArray(a.items))
    compare(a.items, Array.isArray(b.items) ? undefined : b.items, side, `${at}[]`, found);
  const branchesA = a.anyOf ?? a.oneOf ?? [];
  const branchesB = b.anyOf ?? b.oneOf ?? [];
  if (branchesA.length > branchesB.length && side === 'input')
    found.push(`${at}: accepts ${branchesB.length} shapes instead of ${branchesA.length}`);
  branchesA.forEach((branch, i) => {
    if (branchesB[i] !== undefined) compare(branch, branchesB[i], side, `${at}|${i}`, found);
  });
}

export function breakingChanges(before: PublicApiSnapshot, after: PublicApiSnapshot): string[] {
  const found: string[] = [];
  for (const [name, views] of Object.entries(before)) {
    const now = after[name];
    if (!now) {
      found.push(`${name}: removed`);
      continue;
    }
    compare(views.input, now.input, 'input', `${name} (input)`, found);
    compare(views.output, now.output, 'output', `${name} (output)`, found);
  }
  return found;
}
