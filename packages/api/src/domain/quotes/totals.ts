import type { AdjustmentInput, QuoteLine } from './schemas';

export interface QuoteTotals {
  subtotal: number;
  adjustmentAmount: number;
  total: number;
}

/**
 * The quote's arithmetic, in one place: lines add up to the subtotal, the markup or discount
 * is rounded to the minor unit (half away from zero), and the total never goes below zero.
 */
export function quoteTotals(
  lines: readonly Pick<QuoteLine, 'amount'>[],
  adjustment: AdjustmentInput,
): QuoteTotals {
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const raw =
    adjustment.kind === 'none'
      ? 0
      : adjustment.kind === 'fixed'
        ? adjustment.value
        : Math.sign(adjustment.value) *
          Math.round((subtotal * Math.abs(adjustment.value)) / 10_000);
  const adjustmentAmount = Math.max(raw, -subtotal);
  return { subtotal, adjustmentAmount, total: subtotal + adjustmentAmount };
}
