import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { transformer } from './transformer';

const { serialize } = transformer.output;

describe('the output transformer', () => {
  it.each([
    ['a seat map', { seats: [{ id: 'a', x: 1.5, accessible: true, price: null }], remaining: 3 }],
    ['nested arrays and empty values', { a: [[1, 2], []], b: {}, c: '', d: 0, e: false }],
    ['a bare string', 'hello'],
    ['null', null],
  ])('sends plain JSON (%s) exactly as superjson would', (_name, value) => {
    expect(serialize(value)).toEqual(superjson.serialize(value));
    expect(superjson.deserialize(serialize(value) as never)).toEqual(value);
  });

  it.each([
    ['a date', { expiresAt: new Date('2026-11-21T10:00:00Z') }],
    ['a map', { byId: new Map([['a', 1]]) }],
    ['a bigint', { count: 10n }],
    ['undefined inside an array', { list: [1, undefined, 3] }],
    ['a non-finite number', { ratio: Number.NaN }],
    ['a class instance', { at: new URL('https://example.test/') }],
  ])('falls back to superjson for %s', (_name, value) => {
    expect(serialize(value)).toEqual(superjson.serialize(value));
    expect(superjson.deserialize(serialize(value) as never)).toEqual(value);
  });

  it('drops an undefined property, as JSON does', () => {
    const wire: unknown = JSON.parse(JSON.stringify(serialize({ a: 1, seats: undefined })));
    expect(wire).toStrictEqual({ json: { a: 1 } });
  });
});
