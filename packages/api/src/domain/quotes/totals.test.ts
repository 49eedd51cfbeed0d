import { describe, expect, it } from 'vitest';
import { quoteTotals } from './totals';

const lines = [{ amount: 9000 }, { amount: 2550 }];

describe('quoteTotals', () => {
  it('adds the lines and leaves them alone without an adjustment', () => {
    expect(quoteTotals(lines, { kind: 'none' })).toEqual({
      subtotal: 11550,
      adjustmentAmount: 0,
      total: 11550,
    });
  });

  it('applies a percent markup or discount rounded to the minor unit', () => {
    expect(quoteTotals(lines, { kind: 'percent', value: 1000 })).toEqual({
      subtotal: 11550,
      adjustmentAmount: 1155,
      total: 12705,
    });
    // 12.5 % of 11550 is 1443.75: a discount of 1444.
    expect(quoteTotals(lines, { kind: 'percent', value: -1250 })).toEqual({
      subtotal: 11550,
      adjustmentAmount: -1444,
      total: 10106,
    });
  });

  it('applies a fixed amount, and a discount never takes the total below zero', () => {
    expect(quoteTotals(lines, { kind: 'fixed', value: 450 }).total).toBe(12000);
    expect(quoteTotals(lines, { kind: 'fixed', value: -20000 })).toEqual({
      subtotal: 11550,
      adjustmentAmount: -11550,
      total: 0,
    });
  });
});
