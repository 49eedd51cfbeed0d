import { describe, expect, it } from 'vitest';
import { escapeHtml, formatAmount } from './format';

describe('formatAmount', () => {
  it('divides by the currency minor unit', () => {
    expect(formatAmount(12345, 'eur')).toBe('€123.45');
    expect(formatAmount(500, 'jpy')).toBe('JP¥500');
  });
});

describe('escapeHtml', () => {
  it('escapes markup', () => {
    expect(escapeHtml('<b a="1">&\'')).toBe('&#60;b a=&#34;1&#34;&#62;&#38;&#39;');
  });
});
