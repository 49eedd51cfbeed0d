import { describe, expect, it } from 'vitest';
import { FormBodyError, parseFormBody } from './form-body';

describe('parseFormBody', () => {
  it('nests bracket keys into objects and indexed keys into arrays', () => {
    const body = parseFormBody(
      'mode=payment&line_items[0][price_data][unit_amount]=1000&line_items[0][price_data][product_data][name]=Seat%20A1' +
        '&line_items[0][quantity]=2&line_items[1][quantity]=1&metadata[reference]=ABC&expand[]=payment_intent&expand[]=line_items',
    );
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      mode: 'payment',
      line_items: [
        { price_data: { unit_amount: '1000', product_data: { name: 'Seat A1' } }, quantity: '2' },
        { quantity: '1' },
      ],
      metadata: { reference: 'ABC' },
      expand: ['payment_intent', 'line_items'],
    });
  });

  it('keeps objects with non-contiguous numeric keys as objects', () => {
    expect(JSON.parse(JSON.stringify(parseFormBody('metadata[1]=a&metadata[3]=b')))).toEqual({
      metadata: { '1': 'a', '3': 'b' },
    });
  });

  it('parses query strings the same way', () => {
    const query = new URL('http://x/v1/events?created[gte]=10&limit=3').searchParams;
    expect(JSON.parse(JSON.stringify(parseFormBody(query)))).toEqual({
      created: { gte: '10' },
      limit: '3',
    });
  });

  it('refuses keys that would reach the prototype, and conflicting keys', () => {
    expect(() => parseFormBody('a[__proto__][x]=1')).toThrow(FormBodyError);
    expect(() => parseFormBody('a=1&a[b]=2')).toThrow(FormBodyError);
    expect(() => parseFormBody('a]b=1')).toThrow(FormBodyError);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
