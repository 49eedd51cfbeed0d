import { describe, expect, it } from 'vitest';
import {
  currencyFractionDigits,
  formatDateTime,
  formatMoney,
  formatMoneyCode,
  formatTime,
} from './format';

describe('formatMoney', () => {
  it('reads amounts as minor units', () => {
    expect(formatMoney({ amount: 4500, currency: 'EUR' })).toBe('€45.00');
    expect(formatMoney({ amount: 5, currency: 'EUR' })).toBe('€0.05');
  });

  it('uses the currency’s own number of decimals', () => {
    expect(currencyFractionDigits('JPY')).toBe(0);
    expect(formatMoney({ amount: 1500, currency: 'JPY' })).toBe('JP¥1,500');
    expect(currencyFractionDigits('KWD')).toBe(3);
    expect(formatMoney({ amount: 1234, currency: 'KWD' })).toBe('KWD\u00a01.234');
  });

  it('formats Algerian dinars', () => {
    expect(formatMoney({ amount: 250000, currency: 'DZD' })).toBe('DZD\u00a02,500.00');
  });

  it('follows the locale given', () => {
    // fr-FR separates thousands with a narrow no-break space and puts the symbol last.
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'fr-FR')).toBe('1\u202f234,56\u00a0€');
  });

  it('refuses fractional minor units', () => {
    expect(() => formatMoney({ amount: 10.5, currency: 'EUR' })).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('shows the wall time in the given zone and names the zone', () => {
    const concert = new Date('2026-11-28T19:00:00Z');
    expect(formatDateTime(concert, 'Europe/Paris')).toBe('Sat 28 Nov 2026, 20:00 (Europe/Paris)');
    expect(formatDateTime(concert, 'Africa/Algiers')).toBe(
      'Sat 28 Nov 2026, 20:00 (Africa/Algiers)',
    );
    expect(formatDateTime(concert, 'America/New_York')).toBe(
      'Sat 28 Nov 2026, 14:00 (America/New_York)',
    );
  });

  it('crosses the date line when the zone says so', () => {
    expect(formatDateTime('2026-11-28T23:30:00Z', 'Asia/Tokyo')).toBe(
      'Sun 29 Nov 2026, 08:30 (Asia/Tokyo)',
    );
  });

  it('follows daylight saving time of the zone', () => {
    // Paris switches to summer time on 29 March 2026 at 02:00 local (01:00 UTC).
    expect(formatDateTime('2026-03-29T00:30:00Z', 'Europe/Paris')).toBe(
      'Sun 29 Mar 2026, 01:30 (Europe/Paris)',
    );
    expect(formatDateTime('2026-03-29T01:30:00Z', 'Europe/Paris')).toBe(
      'Sun 29 Mar 2026, 03:30 (Europe/Paris)',
    );
  });

  it('uses a 24-hour clock and accepts ISO strings and timestamps', () => {
    const iso = '2026-06-01T00:05:00Z';
    expect(formatDateTime(iso, 'UTC')).toBe('Mon 1 Jun 2026, 00:05 (UTC)');
    expect(formatDateTime(Date.parse(iso), 'UTC')).toBe('Mon 1 Jun 2026, 00:05 (UTC)');
  });

  it('follows the locale given, still naming the zone', () => {
    expect(formatDateTime('2026-11-28T19:00:00Z', 'Europe/Paris', 'fr-FR')).toBe(
      'sam. 28 nov. 2026, 20:00 (Europe/Paris)',
    );
  });

  it('rejects an unknown zone', () => {
    expect(() => formatDateTime(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('formatTime', () => {
  it('shows only the time of day in the zone', () => {
    expect(formatTime('2026-11-28T19:00:00Z', 'Europe/Paris')).toBe('20:00');
  });
});

describe('formatMoneyCode', () => {
  it('writes digits and the ISO code for spoken labels', () => {
    expect(formatMoneyCode({ amount: 4500, currency: 'EUR' })).toBe('45.00 EUR');
    expect(formatMoneyCode({ amount: 1500, currency: 'JPY' })).toBe('1500 JPY');
  });
});
