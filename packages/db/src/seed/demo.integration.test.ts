import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../passwords';
import { createTestDatabase, testEnv, type TestDatabase } from '../testing';
import { DEMO, assertDemoSeedAllowed, seedDemo, type DemoSeed } from './demo';

// Ten days before Paris moves to summer time (2031-03-30): the Paris dates straddle the change.
const NOW = new Date('2031-03-20T10:00:00Z');

let test: TestDatabase;
let seeded: DemoSeed;
let seedMs: number;

beforeAll(async () => {
  test = await createTestDatabase();
  const started = performance.now();
  seeded = await seedDemo(test.db, { now: NOW });
  seedMs = performance.now() - started;
});
afterAll(async () => {
  await test.drop();
});

function local(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

async function offeringBySlug(orgSlug: string, slug: string) {
  return test.db
    .selectFrom('offerings')
    .innerJoin('orgs', 'orgs.id', 'offerings.orgId')
    .selectAll('offerings')
    .where('orgs.slug', '=', orgSlug)
    .where('offerings.slug', '=', slug)
    .executeTakeFirstOrThrow();
}

async function occurrencesOf(offeringId: string) {
  return test.db.selectFrom('occurrences').selectAll().where('offeringId', '=', offeringId).orderBy('startsAt').execute();
}

async function occurrenceSeatStatuses(occurrenceId: string): Promise<Record<string, number>> {
  const rows = await test.db
    .selectFrom('occurrenceSeats')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('occurrenceId', '=', occurrenceId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

describe('seedDemo', () => {
  it('seeds in one go, quickly', () => {
    console.log(`seedDemo took ${Math.round(seedMs)} ms`);
    expect(seeded.org.slug).toBe(DEMO.orgSlug);
  });

  it('creates the demo org and its staff, each with one role and the demo password', async () => {
    const org = await test.db.selectFrom('orgs').selectAll().where('slug', '=', DEMO.orgSlug).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'Tessera Demo', currency: 'EUR', timeZone: 'Europe/Paris' });

    const members = await test.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select(['users.email', 'memberships.role'])
      .where('memberships.orgId', '=', org.id)
      .execute();
    expect(Object.fromEntries(members.map((member) => [member.role, member.email]))).toEqual(DEMO.staff);
    expect(members).toHaveLength(5);

    const emails = [...Object.values(DEMO.staff), DEMO.customer, DEMO.otherOwner];
    const users = await test.db.selectFrom('users').select(['email', 'passwordHash']).where('email', 'in', emails).execute();
    expect(users).toHaveLength(emails.length);
    for (const user of users) {
      expect(await verifyPassword(user.passwordHash ?? '', DEMO.password), user.email).toBe(true);
    }
    const customerMemberships = await test.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select('memberships.orgId')
      .where('users.email', '=', DEMO.customer)
      .execute();
    expect(customerMemberships).toEqual([]);
  });

  it('creates a reserved-seating event: 3+ sections, 3 priced categories, accessible and blocked seats', async () => {
    const offering = await offeringBySlug(DEMO.orgSlug, DEMO.offerings.reservedSeating);
    expect(offering).toMatchObject({ kind: 'event', status: 'published', currency: 'EUR' });
    const occurrences = await occurrencesOf(offering.id);
    expect(occurrences.length).toBeGreaterThanOrEqual(3);
    const seatMapId = occurrences[0]?.seatMapId;
    expect(seatMapId).toBeTruthy();

    const seats = await test.db.selectFrom('seats').selectAll().where('seatMapId', '=', seatMapId ?? '').execute();
    expect(seats.length).toBeGreaterThanOrEqual(300);
    expect(new Set(seats.map((seat) => seat.section)).size).toBeGreaterThanOrEqual(3);
    const categories = new Set(seats.map((seat) => seat.category));
    expect(categories.size).toBe(3);
    const accessible = seats.filter((seat) => seat.accessible).length;
    const blocked = seats.filter((seat) => seat.blocked).length;
    expect(accessible).toBeGreaterThan(0);
    expect(blocked).toBeGreaterThan(0);

    const tiers = await test.db.selectFrom('ticketTypes').selectAll().where('offeringId', '=', offering.id).execute();
    expect(Object.fromEntries(tiers.map((tier) => [tier.seatCategory, tier.priceAmount]))).toEqual({
      premium: 8500,
      standard: 5500,
      economy: 3000,
    });
    expect(new Set(tiers.map((tier) => tier.seatCategory))).toEqual(categories);

    for (const occurrence of occurrences) {
      expect(occurrence.seatMapId).toBe(seatMapId);
      expect(occurrence.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect(occurrence.capacity).toBe(seats.length - blocked);
      expect(await occurrenceSeatStatuses(occurrence.id)).toEqual({ free: seats.length - blocked, blocked });
      // 20:00 in Paris on both sides of the change to summer time.
      expect(local(occurrence.startsAt, 'Europe/Paris').toPlainTime().toString()).toBe('20:00:00');
    }
    const offsets = new Set(occurrences.map((occurrence) => local(occurrence.startsAt, 'Europe/Paris').offset));
    expect(offsets).toEqual(new Set(['+01:00', '+02:00']));
  });

  it('creates a general-admission event with a small early-bird quota and a standard quota', async () => {
    const offering = await offeringBySlug(DEMO.orgSlug, DEMO.offerings.generalAdmission);
    expect(offering).toMatchObject({ kind: 'event', status: 'published' });
    const tiers = await test.db.selectFrom('ticketTypes').selectAll().where('offeringId', '=', offering.id).orderBy('sortOrder').execute();
    expect(tiers.map((tier) => [tier.name, tier.quotaPerOccurrence])).toEqual([
      ['Early bird', 20],
      ['Standard', 300],
    ]);
    expect(tiers[0]?.priceAmount).toBeLessThan(tiers[1]?.priceAmount ?? 0);

    const occurrences = await occurrencesOf(offering.id);
    expect(occurrences.length).toBeGreaterThanOrEqual(2);
    for (const occurrence of occurrences) {
      expect(occurrence).toMatchObject({ seatMapId: null, capacity: 320 });
      expect(occurrence.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
      const quotas = await test.db
        .selectFrom('occurrenceTicketTypes as q')
        .select((eb) => [
          'q.quota',
          eb
            .selectFrom('ticketUnits as u')
            .select((sub) => sub.fn.countAll<number>().as('n'))
            .whereRef('u.occurrenceId', '=', 'q.occurrenceId')
            .whereRef('u.ticketTypeId', '=', 'q.ticketTypeId')
            .where('u.status', '=', 'free')
            .as('freeUnits'),
        ])
        .where('q.occurrenceId', '=', occurrence.id)
        .orderBy('q.quota')
        .execute();
      expect(quotas).toEqual([{ quota: 20, freeUnits: 20 }, { quota: 300, freeUnits: 300 }]);
    }
  });

  it('creates the Algiers -> Blida -> Oran coach: 49 seats, fares, 30 daily departures at 08:00 Algiers time', async () => {
    const offering = await offeringBySlug(DEMO.orgSlug, DEMO.offerings.trip);
    expect(offering).toMatchObject({ kind: 'trip', status: 'published' });

    const stops = await test.db.selectFrom('tripStops').selectAll().where('offeringId', '=', offering.id).orderBy('position').execute();
    expect(stops.map((stop) => [stop.city, stop.timeZone, stop.arrivalOffsetMinutes, stop.departureOffsetMinutes])).toEqual([
      ['Algiers', 'Africa/Algiers', null, 0],
      ['Blida', 'Africa/Algiers', 60, 70],
      ['Oran', 'Africa/Algiers', 300, null],
    ]);

    const tiers = await test.db.selectFrom('ticketTypes').selectAll().where('offeringId', '=', offering.id).orderBy('sortOrder').execute();
    expect(tiers.map((tier) => tier.name)).toEqual(['Adult', 'Child']);
    const fares = await test.db.selectFrom('segmentFares').selectAll().where('ticketTypeId', 'in', tiers.map((tier) => tier.id)).execute();
    expect(fares).toHaveLength(6);

    const occurrences = await occurrencesOf(offering.id);
    expect(occurrences).toHaveLength(30);
    const seatMapId = occurrences[0]?.seatMapId ?? '';
    const seats = await test.db.selectFrom('seats').select(['rowLabel', 'number']).where('seatMapId', '=', seatMapId).execute();
    expect(seats).toHaveLength(49);
    const labels = new Set(seats.map((seat) => `${seat.rowLabel}${seat.number}`));
    expect(['1A', '1D', '12A', '12D', '13E'].every((label) => labels.has(label))).toBe(true);

    const tomorrow = local(NOW, 'Africa/Algiers').toPlainDate().add({ days: 1 });
    occurrences.forEach((occurrence, index) => {
      const departure = local(occurrence.startsAt, 'Africa/Algiers');
      expect(departure.toPlainDate().toString()).toBe(tomorrow.add({ days: index }).toString());
      expect(departure.toPlainTime().toString()).toBe('08:00:00');
      expect(occurrence.endsAt.getTime() - occurrence.startsAt.getTime()).toBe(300 * 60_000);
      expect(occurrence).toMatchObject({ seatMapId, capacity: 49 });
    });
    const seatRows = await test.db
      .selectFrom('occurrenceSeats')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('occurrenceId', 'in', occurrences.map((occurrence) => occurrence.id))
      .executeTakeFirstOrThrow();
    expect(Number(seatRows.count)).toBe(30 * 49);
  });

  it('creates bookable tennis courts in a zone with daylight saving, with weekly hours', async () => {
    const offering = await offeringBySlug(DEMO.orgSlug, DEMO.offerings.appointment);
    expect(offering).toMatchObject({
      kind: 'appointment',
      status: 'published',
      slotMinutes: 60,
      bufferAfterMinutes: 10,
      minNoticeMinutes: 60,
      horizonDays: 60,
    });
    const resources = await test.db
      .selectFrom('offeringResources')
      .innerJoin('resources', 'resources.id', 'offeringResources.resourceId')
      .selectAll('resources')
      .where('offeringResources.offeringId', '=', offering.id)
      .orderBy('resources.name')
      .execute();
    expect(resources.map((resource) => resource.name)).toEqual(['Court 1', 'Court 2']);
    for (const resource of resources) {
      const winter = Temporal.ZonedDateTime.from({ year: 2031, month: 1, day: 15, timeZone: resource.timeZone });
      const summer = winter.with({ month: 7 });
      expect(winter.offset).not.toBe(summer.offset);
      const rules = await test.db
        .selectFrom('availabilityRules')
        .select(['weekday', 'opensAt', 'closesAt'])
        .where('resourceId', '=', resource.id)
        .orderBy('weekday')
        .execute();
      expect(rules.map((rule) => `${rule.weekday} ${rule.opensAt}-${rule.closesAt}`)).toEqual([
        ...[1, 2, 3, 4, 5].map((day) => `${day} 08:00:00-22:00:00`),
        ...[6, 7].map((day) => `${day} 09:00:00-20:00:00`),
      ]);
    }
    const [tier] = await test.db.selectFrom('ticketTypes').selectAll().where('offeringId', '=', offering.id).execute();
    expect(tier?.priceAmount).toBeGreaterThan(0);
  });

  it('adds add-ons and the WELCOME10 promo code to the demo org', async () => {
    const promo = await test.db.selectFrom('promoCodes').selectAll().where('code', '=', DEMO.promoCode).executeTakeFirstOrThrow();
    expect(promo).toMatchObject({ orgId: seeded.org.id, discountKind: 'percent_bp', discountValue: 1000, active: true });
    const addOns = await test.db.selectFrom('addOns').select('orgId').execute();
    expect(addOns.length).toBeGreaterThanOrEqual(1);
    expect(addOns.every((addOn) => addOn.orgId === seeded.org.id)).toBe(true);
  });

  it('keeps the second org apart: its own owner, one event, one date, nothing shared', async () => {
    const other = await test.db.selectFrom('orgs').selectAll().where('slug', '=', DEMO.otherOrgSlug).executeTakeFirstOrThrow();
    expect(other.name).toBe('Other Events');
    const members = await test.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select(['users.email', 'memberships.role', 'memberships.orgId'])
      .where((eb) => eb.or([eb('memberships.orgId', '=', other.id), eb('users.email', '=', DEMO.otherOwner)]))
      .execute();
    expect(members).toEqual([{ email: DEMO.otherOwner, role: 'owner', orgId: other.id }]);

    const offerings = await test.db.selectFrom('offerings').select(['slug']).where('orgId', '=', other.id).execute();
    expect(offerings).toEqual([{ slug: DEMO.offerings.otherOrgEvent }]);
    const occurrences = await test.db.selectFrom('occurrences').select('offeringId').where('orgId', '=', other.id).execute();
    expect(occurrences).toHaveLength(1);
    const demoOfferingIds = new Set([seeded.reservedSeating, seeded.generalAdmission, seeded.trip].map((s) => s.offering.id));
    expect(demoOfferingIds.has(occurrences[0]?.offeringId ?? '')).toBe(false);
  });

  it('refuses to run in production', async () => {
    expect(() => assertDemoSeedAllowed('production')).toThrow(/production/);
    expect(() => assertDemoSeedAllowed('development')).not.toThrow();

    // End to end: the env module is read at import time, so load a fresh copy under production.
    const orgsBefore = await test.db.selectFrom('orgs').select('id').execute();
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', testEnv.TEST_DATABASE_URL);
    vi.resetModules();
    try {
      const fresh = await import('./demo');
      await expect(fresh.seedDemo(test.db)).rejects.toThrow(/NODE_ENV=production/);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
    expect(await test.db.selectFrom('orgs').select('id').execute()).toHaveLength(orgsBefore.length);
  });
});
