import { randomUUID } from 'node:crypto';
import {
  createOffering,
  createResource,
  createTicketType,
  daysFromNowAt,
  weeklyHours,
} from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { offeringWithExtras } from '../testing/catalog-fixtures';

let t: ApiTest;

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
});
afterAll(() => t.close());

const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };

/** A customer's hold on `quantity` tickets (and add-ons), booked when a promo code is given. */
async function buy(
  occurrenceId: string,
  ticketTypeId: string,
  quantity: number,
  extras: { addOnId?: string; promoCode?: string } = {},
) {
  const customer = await t.caller(noLimits);
  const hold = await customer.holds.create({
    occurrenceId,
    tickets: [{ ticketTypeId, quantity }],
    addOns: extras.addOnId ? [{ addOnId: extras.addOnId, quantity }] : undefined,
  });
  if (extras.promoCode)
    await customer.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: `key-${randomUUID()}`,
      contact: { name: 'Ines', email: 'ines@example.test' },
      promoCode: extras.promoCode,
    });
  return hold;
}

/** The stock of a ticket type on a date: its quota row, its units, and the date's capacity. */
async function stockOf(occurrenceId: string, ticketTypeId: string) {
  const quota = await t.db
    .selectFrom('occurrenceTicketTypes')
    .select('quota')
    .where('occurrenceId', '=', occurrenceId)
    .where('ticketTypeId', '=', ticketTypeId)
    .executeTakeFirstOrThrow();
  const units = await t.db
    .selectFrom('ticketUnits')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('occurrenceId', '=', occurrenceId)
    .where('ticketTypeId', '=', ticketTypeId)
    .groupBy('status')
    .execute();
  const { capacity } = await t.db
    .selectFrom('occurrences')
    .select('capacity')
    .where('id', '=', occurrenceId)
    .executeTakeFirstOrThrow();
  const count = (status: string) => Number(units.find((row) => row.status === status)?.count ?? 0);
  return {
    quota: quota.quota,
    units: count('free') + count('held') + count('sold'),
    free: count('free'),
    held: count('held'),
    capacity,
  };
}

async function auditActions(orgId: string, action: string) {
  return t.db
    .selectFrom('auditLog')
    .select(['entityId', 'changes'])
    .where('orgId', '=', orgId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

describe('staff.catalog.updateTicketType', () => {
  it('changes the price and name (audited), and a larger quota puts new places on sale on the dates to come', async () => {
    const { org, occurrence, ticketType, staff } = await offeringWithExtras(t, { quota: 10 });
    const updated = await staff.staff.catalog.updateTicketType({
      ticketTypeId: ticketType.id,
      name: 'Standing (early)',
      priceAmount: 2500,
      quotaPerOccurrence: 15,
    });
    expect(updated).toMatchObject({
      name: 'Standing (early)',
      priceAmount: 2500,
      quotaPerOccurrence: 15,
      maxPerOrder: 10,
      active: true,
    });
    expect(await stockOf(occurrence.id, ticketType.id)).toEqual({
      quota: 15,
      units: 15,
      free: 15,
      held: 0,
      capacity: 15,
    });
    const availability = await (
      await t.caller()
    ).availability.occurrence({ occurrenceId: occurrence.id });
    expect(availability.ticketTypes.find((type) => type.id === ticketType.id)).toMatchObject({
      price: 2500,
      remaining: 15,
    });
    const [entry] = await auditActions(org.id, 'ticket_type.updated');
    expect(entry).toMatchObject({
      entityId: ticketType.id,
      changes: {
        name: { from: 'Standing', to: 'Standing (early)' },
        priceAmount: { from: 2000, to: 2500 },
        quotaPerOccurrence: { from: 10, to: 15 },
        restockedDates: 1,
      },
    });
  });

  it('never lowers a quota below what is held or sold on a date; down to exactly that, nothing is left to sell', async () => {
    const { occurrence, ticketType, staff } = await offeringWithExtras(t, { quota: 10 });
    await buy(occurrence.id, ticketType.id, 4);
    await buy(occurrence.id, ticketType.id, 2);
    await expect(
      staff.staff.catalog.updateTicketType({
        ticketTypeId: ticketType.id,
        priceAmount: 1,
        quotaPerOccurrence: 5,
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Standing: 6 places are held or sold on') as string,
    });
    // Refused whole: neither the price nor a unit changed.
    expect(await stockOf(occurrence.id, ticketType.id)).toMatchObject({ quota: 10, units: 10 });
    const stored = await t.db
      .selectFrom('ticketTypes')
      .select(['priceAmount', 'quotaPerOccurrence'])
      .where('id', '=', ticketType.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ priceAmount: 2000, quotaPerOccurrence: 10 });

    await staff.staff.catalog.updateTicketType({
      ticketTypeId: ticketType.id,
      quotaPerOccurrence: 6,
    });
    expect(await stockOf(occurrence.id, ticketType.id)).toEqual({
      quota: 6,
      units: 6,
      free: 0,
      held: 6,
      capacity: 6,
    });
    await expect(buy(occurrence.id, ticketType.id, 1)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('30 buyers racing a quota cut from 30 to 12: units, quota and holds agree whoever wins', async () => {
    const { occurrence, ticketType, staff } = await offeringWithExtras(t, { quota: 30 });
    const buyers = Array.from({ length: 30 }, () => buy(occurrence.id, ticketType.id, 1));
    const cut = staff.staff.catalog.updateTicketType({
      ticketTypeId: ticketType.id,
      quotaPerOccurrence: 12,
    });
    const [cutResult, ...results] = await Promise.allSettled([cut, ...buyers]);
    const holds = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    for (const result of results)
      if (result.status === 'rejected')
        expect(result.reason).toMatchObject({ cause: { code: 'SOLD_OUT' } });

    const stock = await stockOf(occurrence.id, ticketType.id);
    // Each hold has its unit; nothing is held twice or held without a unit.
    expect(stock.held).toBe(holds.length);
    const owners = await t.db
      .selectFrom('ticketUnits')
      .select(['holdId', (eb) => eb.fn.countAll<string>().as('units')])
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '=', 'held')
      .groupBy('holdId')
      .execute();
    expect(owners.map((row) => Number(row.units))).toEqual(holds.map(() => 1));
    expect(new Set(owners.map((row) => row.holdId))).toEqual(
      new Set(holds.map((hold) => hold.holdId)),
    );
    const typeQuota = (
      await t.db
        .selectFrom('ticketTypes')
        .select('quotaPerOccurrence')
        .where('id', '=', ticketType.id)
        .executeTakeFirstOrThrow()
    ).quotaPerOccurrence;
    if (cutResult.status === 'fulfilled') {
      expect(stock).toMatchObject({ quota: 12, units: 12, capacity: 12 });
      expect(holds.length).toBeLessThanOrEqual(12);
      expect(typeQuota).toBe(12);
    } else {
      expect(cutResult.reason).toMatchObject({ code: 'CONFLICT' });
      expect(stock).toMatchObject({ quota: 30, units: 30, capacity: 30 });
      expect(typeQuota).toBe(30);
    }
  });

  it('refuses a seat-sold type a quota and bad input, changing nothing', async () => {
    const { offering, ticketType, staff, owner } = await offeringWithExtras(t);
    const seated = await staff.staff.catalog.createTicketType({
      offeringId: offering.id,
      name: 'Stalls',
      priceAmount: 4000,
      seatCategory: 'stalls',
    });
    await expect(
      staff.staff.catalog.updateTicketType({ ticketTypeId: seated.id, quotaPerOccurrence: 20 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { status, body } = await t.http(
      'staff.catalog.updateTicketType',
      { ticketTypeId: ticketType.id, name: ' ', minPerOrder: 4, maxPerOrder: 2 },
      { userId: owner.id },
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({
      name: ['Enter a name'],
      maxPerOrder: ['At most must be at least the minimum'],
    });
    // The rule also holds against what is stored: at least 12 above the stored 10 at most.
    await expect(
      staff.staff.catalog.updateTicketType({ ticketTypeId: ticketType.id, minPerOrder: 12 }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'maxPerOrder: At most must be at least the minimum',
    });
    expect(
      await t.db
        .selectFrom('ticketTypes')
        .select(['name', 'minPerOrder', 'quotaPerOccurrence'])
        .where('id', 'in', [ticketType.id, seated.id])
        .orderBy('name')
        .execute(),
    ).toEqual([
      { name: 'Stalls', minPerOrder: 1, quotaPerOccurrence: null },
      { name: 'Standing', minPerOrder: 1, quotaPerOccurrence: 10 },
    ]);
  });
});

describe('staff.catalog price rules, promo codes and add-ons', () => {
  it('changes a price rule, checking the occupancy rule against what is stored', async () => {
    const { org, rule, staff, unsold } = await offeringWithExtras(t);
    expect(
      await staff.staff.catalog.updatePriceRule({
        priceRuleId: rule.id,
        threshold: 90,
        ticketTypeId: unsold.id,
      }),
    ).toMatchObject({ threshold: 90, ticketTypeId: unsold.id, adjustmentValue: 1000 });
    const timed = await staff.staff.catalog.updatePriceRule({
      priceRuleId: rule.id,
      kind: 'time_to_start',
      threshold: 200,
    });
    expect(timed).toMatchObject({ kind: 'time_to_start', threshold: 200 });
    await expect(
      staff.staff.catalog.updatePriceRule({ priceRuleId: rule.id, kind: 'occupancy' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'threshold: Occupancy is a percent: at most 100',
    });
    // Another offering's ticket type is not this rule's.
    const other = await offeringWithExtras(t);
    await expect(
      staff.staff.catalog.updatePriceRule({
        priceRuleId: rule.id,
        ticketTypeId: other.ticketType.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await t.db
        .selectFrom('priceRules')
        .select(['kind', 'threshold', 'ticketTypeId'])
        .where('id', '=', rule.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ kind: 'time_to_start', threshold: 200, ticketTypeId: unsold.id });
    expect((await auditActions(org.id, 'price_rule.updated')).map((e) => e.changes)).toEqual([
      expect.objectContaining({ threshold: { from: 80, to: 90 } }),
      expect.objectContaining({ kind: { from: 'occupancy', to: 'time_to_start' } }),
    ]);
  });

  it('keeps a promo code’s usage limit at or above its redemptions, and codes unique', async () => {
    const { occurrence, ticketType, promo, staff, offering } = await offeringWithExtras(t, {
      quota: 10,
    });
    await buy(occurrence.id, ticketType.id, 1, { promoCode: promo.code });
    await buy(occurrence.id, ticketType.id, 1, { promoCode: promo.code });
    await expect(
      staff.staff.catalog.updatePromoCode({ promoCodeId: promo.id, maxRedemptions: 1 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `${promo.code} was used 2 times already: allow at least 2 uses.`,
    });
    const other = await staff.staff.catalog.createPromoCode({
      offeringId: offering.id,
      code: `OTHER${randomUUID().slice(0, 4)}`,
      discountKind: 'percent_bp',
      discountValue: 500,
    });
    await expect(
      staff.staff.catalog.updatePromoCode({
        promoCodeId: other.id,
        code: promo.code.toLowerCase(),
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `The code ${promo.code} is already in use.`,
    });

    const updated = await staff.staff.catalog.updatePromoCode({
      promoCodeId: promo.id,
      maxRedemptions: 2,
      discountKind: 'amount',
      discountValue: 300,
    });
    expect(updated).toMatchObject({ maxRedemptions: 2, redeemedCount: 2, discountValue: 300 });
    const stored = await t.db
      .selectFrom('promoCodes')
      .select(['currency', 'maxRedemptions', 'code'])
      .where('id', 'in', [promo.id, other.id])
      .orderBy('code')
      .execute();
    expect(stored).toEqual([
      { code: other.code, currency: null, maxRedemptions: null },
      { code: promo.code, currency: 'EUR', maxRedemptions: 2 },
    ]);
  });

  it('keeps an add-on’s stock at or above what live holds and bookings have', async () => {
    const { occurrence, ticketType, addOn, staff } = await offeringWithExtras(t, { addOnStock: 5 });
    await buy(occurrence.id, ticketType.id, 3, { addOnId: addOn.id });
    await expect(
      staff.staff.catalog.updateAddOn({ addOnId: addOn.id, stock: 2, priceAmount: 900 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Programme: 3 are held or sold already, so the stock cannot go below 3.',
    });
    expect(
      await staff.staff.catalog.updateAddOn({
        addOnId: addOn.id,
        stock: 3,
        name: 'Programme (signed)',
        perItem: true,
      }),
    ).toMatchObject({ stock: 3, name: 'Programme (signed)', perItem: true, priceAmount: 500 });
    await expect(buy(occurrence.id, ticketType.id, 1, { addOnId: addOn.id })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
      },
    );
  });
});

describe('staff.catalog venues and resources', () => {
  it('edits a venue; a new time zone is refused while it has dates to come', async () => {
    const { org, staff, owner } = await offeringWithExtras(t);
    const hall = await staff.staff.catalog.createVenue({ name: 'Hall', timeZone: 'Europe/Paris' });
    const { id: offeringId } = await staff.staff.catalog.createOffering({
      kind: 'event',
      name: 'Recital',
      slug: `recital-${randomUUID().slice(0, 6)}`,
      currency: 'EUR',
      venueId: hall.id,
    });
    expect(
      await staff.staff.catalog.updateVenue({
        venueId: hall.id,
        name: 'Grand Hall',
        addressLine: '1 rue de la Paix',
        city: 'Paris',
        country: 'FR',
        timeZone: 'Europe/Brussels',
      }),
    ).toMatchObject({
      name: 'Grand Hall',
      addressLine: '1 rue de la Paix',
      timeZone: 'Europe/Brussels',
    });
    await staff.staff.catalog.createSeries({
      offeringId,
      firstDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      days: 1,
      localTime: '20:00',
      durationMinutes: 90,
      capacity: 100,
    });
    await expect(
      staff.staff.catalog.updateVenue({ venueId: hall.id, timeZone: 'America/New_York' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Grand Hall has 1 date to come, whose local times would shift in another time zone: cancel or move them first, or keep Europe/Brussels.',
    });
    const { status, body } = await t.http(
      'staff.catalog.updateVenue',
      { venueId: hall.id, name: 'Renamed', country: 'France' },
      { userId: owner.id },
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({
      country: ['Use a two-letter country code such as FR'],
    });
    expect(
      await t.db
        .selectFrom('venues')
        .select(['name', 'country', 'timeZone'])
        .where('id', '=', hall.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ name: 'Grand Hall', country: 'FR', timeZone: 'Europe/Brussels' });
    expect((await auditActions(org.id, 'venue.updated')).map((e) => e.changes)).toEqual([
      expect.objectContaining({ name: { from: 'Hall', to: 'Grand Hall' } }),
    ]);
  });

  it('edits a resource; a new time zone is refused while a slot to come is held', async () => {
    const { org, staff } = await offeringWithExtras(t);
    const hours = weeklyHours({ 'mon-sun': ['09:00', '12:00'] });
    const { resource } = await createResource(t.db, {
      org,
      kind: 'court',
      name: 'Court 1',
      timeZone: 'Europe/Paris',
      hours,
    });
    expect(
      await staff.staff.catalog.updateResource({
        resourceId: resource.id,
        name: 'Centre court',
        timeZone: 'Europe/Madrid',
      }),
    ).toMatchObject({ name: 'Centre court', kind: 'court', timeZone: 'Europe/Madrid' });
    const tennis = await createOffering(t.db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      resources: [resource],
    });
    await createTicketType(t.db, { offering: tennis, name: 'Hour', priceAmount: 1500 });
    await (
      await t.caller(noLimits)
    ).holds.create({
      offeringId: tennis.id,
      resourceId: resource.id,
      start: daysFromNowAt(new Date(), 3, '10:00', 'Europe/Madrid'),
    });
    await expect(
      staff.staff.catalog.updateResource({ resourceId: resource.id, timeZone: 'Europe/Paris' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('1 slot to come held') as string,
    });
    expect(
      await staff.staff.catalog.updateResource({ resourceId: resource.id, kind: 'room' }),
    ).toMatchObject({ kind: 'room', timeZone: 'Europe/Madrid' });
  });
});
