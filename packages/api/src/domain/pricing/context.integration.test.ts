import {
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createTaxRate,
  createTicketType,
} from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../../testing/api-test';
import { addPriceRule, holdSeats, sellSeats } from '../catalog/testing/inventory';
import { loadPricingContext, unitPriceFor } from './context';

let t: ApiTest;
afterAll(() => t.close());
beforeAll(async () => {
  t = await setupApiTest();
});

describe('loadPricingContext', () => {
  it('loads types, rules, tax and occupancy (sold + live held) in one go', async () => {
    const org = await createOrg(t.db);
    const taxRate = await createTaxRate(t.db, { org, rateBasisPoints: 550, inclusive: false });
    const offering = await createOffering(t.db, { org, taxRate });
    const { seatMap, seats } = await createSeatMap(t.db, {
      org,
      sections: [{ name: 'Stalls', rows: 2, seatsPerRow: 5, category: 'standard' }],
    });
    const standard = await createTicketType(t.db, {
      offering,
      priceAmount: 2000,
      seatCategory: 'standard',
      sortOrder: 1,
    });
    const salesEndAt = new Date('2030-01-02T03:04:05.678Z');
    const child = await createTicketType(t.db, {
      offering,
      priceAmount: 1000,
      sortOrder: 2,
      salesEndAt,
    });
    await addPriceRule(t.db, {
      orgId: org.id,
      offeringId: offering.id,
      kind: 'occupancy',
      threshold: 50,
      adjustmentKind: 'percent_bp',
      adjustmentValue: 2500,
    });
    await addPriceRule(t.db, {
      orgId: org.id,
      offeringId: offering.id,
      ticketTypeId: child.id,
      kind: 'time_to_start',
      threshold: 1000,
      adjustmentKind: 'amount',
      adjustmentValue: -100,
    });
    await addPriceRule(t.db, {
      orgId: org.id,
      offeringId: offering.id,
      kind: 'occupancy',
      threshold: 10,
      adjustmentKind: 'amount',
      adjustmentValue: 999,
      active: false,
    });
    const startsAt = new Date(Date.now() + 48 * 3_600_000);
    const occurrence = await createOccurrence(t.db, { offering, seatMap, startsAt });

    const ids = seats.map((seat) => seat.id);
    await sellSeats(t.db, occurrence, ids.slice(0, 3));
    await holdSeats(t.db, occurrence, ids.slice(3, 5), new Date(Date.now() + 600_000));
    // An expired hold counts as free.
    await holdSeats(t.db, occurrence, ids.slice(5, 6), new Date(Date.now() - 1000));

    const now = new Date();
    const { pricing: ctx } = await loadPricingContext(t.db, occurrence.id, now);
    expect(ctx.currency).toBe('EUR');
    expect(ctx.taxRate).toEqual({ rateBasisPoints: 550, inclusive: false });
    expect(ctx.rules).toHaveLength(2);
    expect(ctx.stock).toEqual({ capacity: 10, sold: 3, held: 2 });
    expect(ctx.occupancyPercent).toBe(50);
    expect(ctx.hoursToStart).toBeCloseTo((startsAt.getTime() - now.getTime()) / 3_600_000);
    expect(ctx.ticketTypes.map((type) => type.id)).toEqual([standard.id, child.id]);
    expect(ctx.ticketTypes[0]).toMatchObject({
      name: standard.name,
      priceAmount: 2000,
      seatCategory: 'standard',
      active: true,
      salesStartAt: null,
      stock: null,
    });
    // Timestamps travel as JSON text inside the one query; they come back as Dates.
    expect(ctx.ticketTypes[1]?.salesEndAt).toEqual(salesEndAt);
    // 2000 + 25 % occupancy step.
    expect(unitPriceFor(ctx, standard.id)).toBe(2500);
    // 1000 + 25 % - 1.00 (child-only time step).
    expect(unitPriceFor(ctx, child.id)).toBe(1150);
    expect(unitPriceFor(ctx, child.id, 800)).toBe(900);
    expect(() => unitPriceFor(ctx, org.id)).toThrow(
      'This ticket type was not found for this date.',
    );
  });

  it('refuses an unknown occurrence', async () => {
    await expect(
      loadPricingContext(t.db, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
