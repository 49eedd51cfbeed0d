/**
 * Integer arithmetic on minor units. Floats never hold money here: a percentage is applied
 * as `amount * basisPoints / 10_000` with an exact integer division and explicit rounding.
 */

/** Refuses a non-integer or unsafe amount: a float in a price is a bug upstream, not data. */
export function assertMinorUnits(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be an integer number of minor units, got ${value}`);
  }
}

/** numerator / denominator rounded half away from zero (denominator a positive integer), exactly. */
export function divideRounded(numerator: number, denominator: number): number {
  // |n|/d rounded half up is floor((2|n| + d) / 2d); subtracting the remainder keeps it exact.
  const doubled = 2 * Math.abs(numerator) + denominator;
  const quotient = (doubled - (doubled % (2 * denominator))) / (2 * denominator);
  // No -0: it would compare and serialize oddly.
  return numerator < 0 && quotient !== 0 ? -quotient : quotient;
}

/** `amount` scaled by basis points (10_000 = 100 %), rounded half away from zero. */
export function percentOf(amount: number, basisPoints: number): number {
  return divideRounded(amount * basisPoints, 10_000);
}

/**
 * Splits `total` over `weights` in proportion, in whole minor units that sum to `total`
 * exactly (largest remainder; earlier lines win ties). For spreading an order's discount
 * or tax over its lines (booking_items carry their share).
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  assertMinorUnits(total, 'total to allocate');
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weightSum <= 0) return weights.map(() => 0);
  const shares = weights.map((weight) => Math.floor((total * weight) / weightSum));
  const remainders = weights.map((weight, index) => ({
    index,
    rest: (total * weight) % weightSum,
  }));
  let left = total - shares.reduce((sum, share) => sum + share, 0);
  for (const { index } of remainders.sort((a, b) => b.rest - a.rest || a.index - b.index)) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}
