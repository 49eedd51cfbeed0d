import { describe, expect, it } from 'vitest';
import { newReference, newTicketCode } from './reference';

describe('references', () => {
  it('are 8 characters without look-alikes, and tickets 12', () => {
    for (let i = 0; i < 1000; i += 1) {
      expect(newReference()).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    }
    expect(newTicketCode()).toHaveLength(12);
  });

  it('do not repeat in 100,000 draws', () => {
    const seen = new Set(Array.from({ length: 100_000 }, () => newReference()));
    expect(seen.size).toBe(100_000);
  });
});
