import { currencyFractionDigits } from '@tessera/ui';

/** "12.50" in `currency` as minor units; null when it is not an amount. */
export function minorUnits(text: string, currency: string): number | null {
  const digits = currencyFractionDigits(currency);
  const match = /^(\d{1,9})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match || (match[2]?.length ?? 0) > digits) return null;
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
}
