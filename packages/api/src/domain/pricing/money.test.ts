import { describe, expect, it } from 'vitest';
import { allocateProportionally, divideRounded, percentOf } from './money';

describe('divideRounded', () => {
  it('rounds half away from zero, both signs, exactly', () => {
    expect(divideRounded(5, 10)).toBe(1);
    expect(divideRounded(4, 10)).toBe(0);
    expect(divideRounded(-5, 10)).toBe(-1);
    expect(divideRounded(-4, 10)).toBe(0);
    expect(divideRounded(15, 10)).toBe(2);
    expect(divideRounded(7, 3)).toBe(2);
    expect(divideRounded(Number.MAX_SAFE_INTEGER - 1, 2)).toBe((Number.MAX_SAFE_INTEGER - 1) / 2);
  });

  it('applies basis points', () => {
    expect(percentOf(1005, 1000)).toBe(101); // 100.5 -> 101
    expect(percentOf(1005, -1000)).toBe(-101);
    expect(percentOf(1004, 1000)).toBe(100);
  });
});

describe('allocateProportionally', () => {
  it('sums to the total exactly', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(10, [3000, 1000])).toEqual([8, 2]);
    expect(allocateProportionally(0, [5, 5])).toEqual([0, 0]);
    expect(allocateProportionally(7, [0, 0])).toEqual([0, 0]);
  });
});
