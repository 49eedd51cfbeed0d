import type { BadgeTone } from '@tessera/ui';

export const quoteStatus: Record<string, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  sent: { label: 'Sent', tone: 'brand' },
  accepted: { label: 'Accepted', tone: 'success' },
  expired: { label: 'Expired', tone: 'warning' },
  withdrawn: { label: 'Withdrawn', tone: 'danger' },
};

/** "+10 %", "−€15.00" or "none", as the builder took it. */
export function adjustmentText(
  adjustment: { kind: 'none' | 'percent' | 'fixed'; value: number },
  money: (amount: number) => string,
): string {
  if (adjustment.kind === 'none') return 'None';
  const sign = adjustment.value < 0 ? 'Discount' : 'Markup';
  const size =
    adjustment.kind === 'percent'
      ? `${Math.abs(adjustment.value) / 100} %`
      : money(Math.abs(adjustment.value));
  return `${sign} ${size}`;
}
