/** Display helpers. Pure: same input, same text, on the server and in the browser. */

export const DEFAULT_LOCALE = 'en-GB';

export interface Money {
  /** Integer minor units (cents, centimes), as the API stores money. */
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

/** Digits after the decimal point for a currency (2 for EUR, 0 for JPY, 3 for KWD). */
export function currencyFractionDigits(currency: string): number {
  const { maximumFractionDigits } = new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
  }).resolvedOptions();
  return maximumFractionDigits ?? 2;
}

/** `formatMoney({ amount: 4500, currency: 'EUR' })` -> "€45.00". */
export function formatMoney(money: Money, locale: string = DEFAULT_LOCALE): string {
  if (!Number.isInteger(money.amount)) {
    throw new RangeError(`Money amounts are integer minor units, got ${money.amount}`);
  }
  const digits = currencyFractionDigits(money.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(money.amount / 10 ** digits);
}

/**
 * A date and time in the given IANA zone, with the zone named:
 * "Sat 28 Nov 2026, 20:00 (Europe/Paris)". Times are always shown where they happen
 * (the venue's zone), never in the viewer's.
 */
export function formatDateTime(
  date: Date | string | number,
  timeZone: string,
  locale: string = DEFAULT_LOCALE,
): string {
  const parts = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(date));

  // ICU releases disagree on a comma after the weekday ("Sat, 28 Nov" / "Sat 28 Nov"):
  // drop it so a page rendered by Node and re-rendered by a browser shows the same text.
  const text = parts
    .map((part, index) =>
      part.type === 'literal' && parts[index - 1]?.type === 'weekday' && part.value.trim() === ','
        ? ' '
        : part.value,
    )
    .join('');
  return `${text} (${timeZone})`;
}

/** Only the time of day in the zone, e.g. "20:00", for lists already grouped by date. */
export function formatTime(
  date: Date | string | number,
  timeZone: string,
  locale: string = DEFAULT_LOCALE,
): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(date));
}

/**
 * Money as a screen reader reads it best: "45.00 EUR" (digits and the ISO code, no symbol),
 * used in spoken labels such as a seat's.
 */
export function formatMoneyCode(money: Money): string {
  if (!Number.isInteger(money.amount)) {
    throw new RangeError(`Money amounts are integer minor units, got ${money.amount}`);
  }
  const digits = currencyFractionDigits(money.currency);
  return `${(money.amount / 10 ** digits).toFixed(digits)} ${money.currency}`;
}
