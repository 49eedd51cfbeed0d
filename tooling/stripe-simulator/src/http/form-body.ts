/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracket notation,
 * e.g. `line_items[0][price_data][unit_amount]=1000&metadata[reference]=ABC&expand[]=x`.
 * The same encoding is used for query strings on GET requests.
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

// Keys that would let a request body reach Object.prototype.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class FormBodyError extends Error {
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
    this.name = 'FormBodyError';
  }
}

/** Splits `a[b][0][]` into `['a', 'b', '0', '']`; returns null for a malformed key. */
function splitKey(key: string): string[] | null {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match?.[1]) return null;
  const segments = [match[1]];
  for (const part of (match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)) segments.push(part[1] ?? '');
  return segments;
}

function isObject(value: FormValue | undefined): value is FormObject {
  return typeof value === 'object' && !Array.isArray(value);
}

/** Objects whose keys are exactly 0..n-1 become arrays (Stripe sends arrays as `x[0]`, `x[1]`). */
function arraysFromIndexedObjects(value: FormValue): FormValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(arraysFromIndexedObjects);
  const keys = Object.keys(value);
  const converted: FormObject = Object.create(null) as FormObject;
  for (const key of keys) {
    const child = value[key];
    if (child !== undefined) converted[key] = arraysFromIndexedObjects(child);
  }
  const indexed = keys.length > 0 && keys.every((key) => /^(0|[1-9]\d*)$/.test(key));
  if (!indexed) return converted;
  const indices = keys.map(Number).sort((a, b) => a - b);
  if (indices.some((index, position) => index !== position)) return converted;
  return indices.map((index) => converted[String(index)] ?? '');
}

export function parseFormBody(input: string | URLSearchParams): FormObject {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const root: FormObject = Object.create(null) as FormObject;
  for (const [key, value] of params) {
    const segments = splitKey(key);
    if (!segments) throw new FormBodyError(`Invalid parameter name: ${key}`, key);
    if (segments.some((segment) => FORBIDDEN_KEYS.has(segment))) {
      throw new FormBodyError(`Invalid parameter name: ${key}`, key);
    }
    let node: FormObject = root;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] ?? '';
      const last = i === segments.length - 1;
      // `x[]` appends: give the value the next free numeric key.
      const name = segment === '' ? String(Object.keys(node).length) : segment;
      if (last) {
        node[name] = value;
        break;
      }
      const existing = node[name];
      if (existing === undefined) {
        const child: FormObject = Object.create(null) as FormObject;
        node[name] = child;
        node = child;
      } else if (isObject(existing)) {
        node = existing;
      } else {
        throw new FormBodyError(`Parameter ${key} conflicts with another parameter`, key);
      }
    }
  }
  const result = arraysFromIndexedObjects(root);
  return isObject(result) ? result : root;
}
