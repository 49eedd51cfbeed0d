import { describe, expect, it } from 'vitest';
import { applyPromo, priceBreakdown, taxOf } from './breakdown';

describe('applyPromo', () => {
  it('takes a percentage, rounded half away from zero', () => {
    expect(applyPromo(1005, { discountKind: 'percent_bp', discountValue: 1000 })).toBe(101);
    expect(applyPromo(1004, { discountKind: 'percent_bp', discountValue: 1000 })).toBe(100);
  });

  it('never discounts more than the subtotal', () => {
    expect(applyPromo(800, { discountKind: 'amount', discountValue: 1000 })).toBe(800);
    expect(applyPromo(800, { discountKind: 'percent_bp', discountValue: 10_000 })).toBe(800);
    expect(applyPromo(0, { discountKind: 'amount', discountValue: 500 })).toBe(0);
  });
});

describe('taxOf', () => {
  it('extracts inclusive tax from the gross', () => {
    // 20 % included in 12.00 is 2.00.
    expect(taxOf(1200, { rateBasisPoints: 2000, inclusive: true })).toEqual({
      net: 1000,
      tax: 200,
      gross: 1200,
    });
    // 1000 * 0.2 / 1.2 = 166.67 -> 167.
    expect(taxOf(1000, { rateBasisPoints: 2000, inclusive: true })).toEqual({
      net: 833,
      tax: 167,
      gross: 1000,
    });
  });

  it('adds exclusive tax on top', () => {
    expect(taxOf(1000, { rateBasisPoints: 2000, inclusive: false })).toEqual({
      net: 1000,
      tax: 200,
      gross: 1200,
    });
    // 1005 * 0.055 = 55.275 -> 55.
    expect(taxOf(1005, { rateBasisPoints: 550, inclusive: false })).toEqual({
      net: 1005,
      tax: 55,
      gross: 1060,
    });
    // 10 * 0.25 = 2.5 -> 3 (half away from zero).
    expect(taxOf(10, { rateBasisPoints: 2500, inclusive: false })).toEqual({
      net: 10,
      tax: 3,
      gross: 13,
    });
  });

  it('is a no-op without a rate', () => {
    expect(taxOf(999, null)).toEqual({ net: 999, tax: 0, gross: 999 });
  });
});

describe('priceBreakdown', () => {
  const lines = [
    { description: 'Adult', quantity: 2, unitAmount: 2500 },
    { description: 'Baggage', quantity: 1, unitAmount: 1000 },
  ];

  it('totals lines, discounts the subtotal and taxes the rest (inclusive)', () => {
    const result = priceBreakdown(lines, {
      currency: 'EUR',
      promo: { discountKind: 'percent_bp', discountValue: 1000 },
      taxRate: { rateBasisPoints: 2000, inclusive: true },
    });
    expect(result).toEqual({
      lines: [
        { description: 'Adult', quantity: 2, unitAmount: 2500, amount: 5000 },
        { description: 'Baggage', quantity: 1, unitAmount: 1000, amount: 1000 },
      ],
      subtotal: 6000,
      discount: 600,
      tax: 900, // 5400 / 1.2 * 0.2
      total: 5400,
      currency: 'EUR',
    });
  });

  it('adds exclusive tax to the total, on the discounted amount', () => {
    const result = priceBreakdown(lines, {
      currency: 'USD',
      promo: { discountKind: 'amount', discountValue: 1000 },
      taxRate: { rateBasisPoints: 1000, inclusive: false },
    });
    expect(result).toMatchObject({
      subtotal: 6000,
      discount: 1000,
      tax: 500,
      total: 5500,
      currency: 'USD',
    });
  });

  it('caps the promo at the subtotal so the total is never negative', () => {
    const result = priceBreakdown([{ description: 'Child', quantity: 1, unitAmount: 500 }], {
      currency: 'EUR',
      promo: { discountKind: 'amount', discountValue: 2000 },
      taxRate: { rateBasisPoints: 2000, inclusive: false },
    });
    expect(result).toMatchObject({ subtotal: 500, discount: 500, tax: 0, total: 0 });
  });

  it('refuses fractional amounts and negative quantities', () => {
    expect(() =>
      priceBreakdown([{ description: 'x', quantity: 1, unitAmount: 1.5 }], { currency: 'EUR' }),
    ).toThrow(RangeError);
    expect(() =>
      priceBreakdown([{ description: 'x', quantity: -1, unitAmount: 100 }], { currency: 'EUR' }),
    ).toThrow(RangeError);
  });
});
