import superjson from 'superjson';

/**
 * True when `value` is plain JSON that superjson would send as `{ json: value }` with no meta:
 * only null, booleans, finite numbers, strings, arrays and plain objects. An undefined
 * property counts as absent (JSON drops it; the client reads undefined either way).
 */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (const item of value) if (item === undefined || !isPlainJson(item)) return false;
        return true;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key in value) {
        const item: unknown = (value as Record<string, unknown>)[key];
        if (item !== undefined && !isPlainJson(item)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * superjson on the wire, with a fast path for answers that are plain JSON: superjson walks
 * every value recording paths (about 45 ms for a 2,000-seat map on a busy machine, 20 times
 * a plain check), though such answers need no meta. The output is what superjson would send,
 * so every superjson client reads it.
 */
export const transformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) =>
      isPlainJson(value) ? { json: value } : superjson.serialize(value),
    deserialize: superjson.deserialize,
  },
};
