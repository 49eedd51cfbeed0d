import { describe, expect, it } from 'vitest';
import { dynamicUnitPrice, type PriceRuleInput } from './dynamic';

const rule = (
  overrides: Partial<PriceRuleInput> & Pick<PriceRuleInput, 'kind' | 'threshold'>,
): PriceRuleInput => ({
  adjustmentKind: 'percent_bp',
  adjustmentValue: 1000,
  priority: 0,
  ticketTypeId: null,
  ...overrides,
});

const calm = { occupancyPercent: 0, hoursToStart: 1000 };

describe('dynamicUnitPrice', () => {
  it('returns the base price when no rule applies', () => {
    expect(dynamicUnitPrice(2500, [], calm)).toBe(2500);
    expect(
      dynamicUnitPrice(2500, [rule({ kind: 'occupancy', threshold: 50 })], {
        ...calm,
        occupancyPercent: 49.9,
      }),
    ).toBe(2500);
    expect(
      dynamicUnitPrice(2500, [rule({ kind: 'time_to_start', threshold: 24 })], {
        ...calm,
        hoursToStart: 24.01,
      }),
    ).toBe(2500);
  });

  it('applies an occupancy step at its threshold, the highest step reached winning', () => {
    const rules = [
      rule({ kind: 'occupancy', threshold: 50, adjustmentValue: 1000 }),
      rule({ kind: 'occupancy', threshold: 80, adjustmentValue: 2500 }),
    ];
    expect(dynamicUnitPrice(2000, rules, { ...calm, occupancyPercent: 50 })).toBe(2200);
    expect(dynamicUnitPrice(2000, rules, { ...calm, occupancyPercent: 85 })).toBe(2500);
  });

  it('applies the time step closest to the start', () => {
    const rules = [
      rule({
        kind: 'time_to_start',
        threshold: 48,
        adjustmentKind: 'amount',
        adjustmentValue: 300,
      }),
      rule({
        kind: 'time_to_start',
        threshold: 6,
        adjustmentKind: 'amount',
        adjustmentValue: -500,
      }),
    ];
    expect(dynamicUnitPrice(2000, rules, { ...calm, hoursToStart: 48 })).toBe(2300);
    expect(dynamicUnitPrice(2000, rules, { ...calm, hoursToStart: 2 })).toBe(1500);
  });

  it('adds steps of different kinds, each on the base', () => {
    const rules = [
      rule({ kind: 'occupancy', threshold: 50, adjustmentValue: 1000 }),
      rule({ kind: 'time_to_start', threshold: 24, adjustmentValue: 500 }),
    ];
    expect(dynamicUnitPrice(2000, rules, { occupancyPercent: 60, hoursToStart: 10 })).toBe(2300);
  });

  it('breaks threshold ties by priority, then prefers the ticket-type rule', () => {
    const low = rule({ kind: 'occupancy', threshold: 50, adjustmentValue: 1000, priority: 1 });
    const high = rule({ kind: 'occupancy', threshold: 50, adjustmentValue: 3000, priority: 5 });
    expect(dynamicUnitPrice(1000, [low, high], { ...calm, occupancyPercent: 50 })).toBe(1300);
    expect(dynamicUnitPrice(1000, [high, low], { ...calm, occupancyPercent: 50 })).toBe(1300);
    const specific = rule({
      kind: 'occupancy',
      threshold: 50,
      adjustmentValue: 2000,
      ticketTypeId: 'tt',
    });
    const general = rule({ kind: 'occupancy', threshold: 50, adjustmentValue: 4000 });
    expect(dynamicUnitPrice(1000, [general, specific], { ...calm, occupancyPercent: 50 })).toBe(
      1200,
    );
  });

  it('rounds percent half away from zero and never goes below zero', () => {
    expect(
      dynamicUnitPrice(
        1005,
        [rule({ kind: 'occupancy', threshold: 0, adjustmentValue: 1000 })],
        calm,
      ),
    ).toBe(1106);
    expect(
      dynamicUnitPrice(
        1005,
        [rule({ kind: 'occupancy', threshold: 0, adjustmentValue: -1000 })],
        calm,
      ),
    ).toBe(904);
    const crash = rule({
      kind: 'time_to_start',
      threshold: 1,
      adjustmentKind: 'amount',
      adjustmentValue: -5000,
    });
    expect(dynamicUnitPrice(1000, [crash], { ...calm, hoursToStart: 0.5 })).toBe(0);
  });

  it('refuses a fractional base price', () => {
    expect(() => dynamicUnitPrice(10.5, [], calm)).toThrow(RangeError);
  });
});
