import { createStaffUser } from '@tessera/db/seed';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, generalAdmission } from '../testing/engine-fixtures';

let t: ApiTest;
type Roles = Record<'owner' | 'manager' | 'agent' | 'checkin' | 'auditor', string>;
let a: { orgId: string; offeringId: string; staff: Roles };
let b: {
  orgId: string;
  offeringId: string;
  owner: string;
  /** One item of each kind staff edit, in the other org. */
  items: Record<'venue' | 'ticketType' | 'priceRule' | 'promoCode' | 'addOn' | 'resource', string>;
};

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  const ga = await generalAdmission(t.db, { quota: 5 });
  const staff = {} as Roles;
  for (const role of ['owner', 'manager', 'agent', 'checkin', 'auditor'] as const)
    staff[role] = (await createStaffUser(t.db, { org: ga.org, role })).user.id;
  a = { orgId: ga.org.id, offeringId: ga.offering.id, staff };
  const other = await generalAdmission(t.db);
  const owner = (await createStaffUser(t.db, { org: other.org, role: 'owner' })).user.id;
  const theirs = (await t.caller({ userId: owner })).staff.catalog;
  const offeringId = other.offering.id;
  b = {
    orgId: other.org.id,
    offeringId,
    owner,
    items: {
      venue: (await theirs.createVenue({ name: 'Their hall', timeZone: 'Europe/Paris' })).id,
      ticketType: other.ticketType.id,
      priceRule: (
        await theirs.createPriceRule({
          offeringId,
          kind: 'time_to_start',
          threshold: 24,
          adjustmentKind: 'amount',
          adjustmentValue: 500,
        })
      ).id,
      promoCode: (
        await theirs.createPromoCode({
          offeringId,
          code: 'THEIRS20',
          discountKind: 'percent_bp',
          discountValue: 2000,
        })
      ).id,
      addOn: (await theirs.createAddOn({ offeringId, name: 'Scarf', priceAmount: 900 })).id,
      resource: (
        await theirs.createResource({ name: 'Their room', kind: 'room', timeZone: 'Europe/Paris' })
      ).id,
    },
  };
});

afterAll(() => t.close());

const as = (userId: string) => t.caller({ userId });

const parisTrip = {
  kind: 'trip' as const,
  name: 'Paris to Lyon coach',
  slug: 'paris-lyon-coach',
  currency: 'EUR',
  stops: [
    { name: 'Paris Bercy', city: 'Paris', timeZone: 'Europe/Paris', offsetMinutes: 0 },
    { name: 'Lyon Perrache', city: 'Lyon', timeZone: 'Europe/Paris', offsetMinutes: 290 },
  ],
};

/** One call of each edit procedure, on the given items. */
const edits = (caller: Awaited<ReturnType<typeof as>>, items: typeof b.items) => [
  () => caller.staff.catalog.updateVenue({ venueId: items.venue, name: 'Renamed' }),
  () => caller.staff.catalog.updateTicketType({ ticketTypeId: items.ticketType, priceAmount: 1 }),
  () => caller.staff.catalog.updatePriceRule({ priceRuleId: items.priceRule, threshold: 1 }),
  () => caller.staff.catalog.updatePromoCode({ promoCodeId: items.promoCode, maxRedemptions: 1 }),
  () => caller.staff.catalog.updateAddOn({ addOnId: items.addOn, stock: 0 }),
  () => caller.staff.catalog.updateResource({ resourceId: items.resource, name: 'Renamed' }),
];

describe('staff.catalog', () => {
  it('creates a trip whose 30 daily 08:00 Paris departures across the end of summer time stay at 08:00, skip the chosen dates, and are stocked', async () => {
    const owner = await as(a.staff.owner);
    const { id: offeringId } = await owner.staff.catalog.createOffering(parisTrip);
    await owner.staff.catalog.createTicketType({
      offeringId,
      name: 'Adult',
      priceAmount: 2900,
      quotaPerOccurrence: 40,
    });
    const series = {
      offeringId,
      firstDate: '2026-10-10',
      days: 30,
      localTime: '08:00',
      skipDates: ['2026-10-14', '2026-10-28'],
      durationMinutes: 290,
    };
    const preview = await owner.staff.catalog.previewSeries(series);
    expect(preview.starts).toHaveLength(28);
    expect(
      await t.db
        .selectFrom('occurrences')
        .select('id')
        .where('offeringId', '=', offeringId)
        .execute(),
    ).toEqual([]);

    const created = await owner.staff.catalog.createSeries(series);
    expect(created).toMatchObject({ created: 28, timeZone: 'Europe/Paris', existing: [] });
    const rows = await t.db
      .selectFrom('occurrences')
      .select(['id', 'startsAt', 'endsAt', 'capacity'])
      .where('offeringId', '=', offeringId)
      .orderBy('startsAt')
      .execute();
    expect(rows).toHaveLength(28);
    const local = rows.map((row) =>
      Temporal.Instant.fromEpochMilliseconds(row.startsAt.getTime()).toZonedDateTimeISO(
        'Europe/Paris',
      ),
    );
    expect(new Set(local.map((start) => start.toPlainTime().toString()))).toEqual(
      new Set(['08:00:00']),
    );
    const dates = local.map((start) => start.toPlainDate().toString());
    expect(dates).not.toContain('2026-10-14');
    expect(dates).not.toContain('2026-10-28');
    expect(dates[0]).toBe('2026-10-10');
    expect(dates.at(-1)).toBe('2026-11-08');
    // Summer time ends on 25 October: 06:00Z before it, 07:00Z from that day on.
    const utcHours = rows.map((row) => [
      row.startsAt.toISOString().slice(0, 10),
      row.startsAt.getUTCHours(),
    ]);
    expect(utcHours).toContainEqual(['2026-10-24', 6]);
    expect(utcHours).toContainEqual(['2026-10-25', 7]);
    expect(rows.every((row) => row.capacity === 40)).toBe(true);
    const units = await t.db
      .selectFrom('ticketUnits')
      .select((eb) => eb.fn.countAll<string>().as('units'))
      .where(
        'occurrenceId',
        'in',
        rows.map((row) => row.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(units.units)).toBe(28 * 40);

    // The same series again creates nothing: every date already exists.
    const again = await owner.staff.catalog.createSeries(series);
    expect(again.created).toBe(0);
    expect(again.existing).toHaveLength(28);

    const audit = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('orgId', '=', a.orgId)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'offering.created',
      'ticket_type.created',
      'occurrence.series_created',
      'occurrence.series_created',
    ]);
  });

  it('refuses bad input with messages per field and changes nothing', async () => {
    const before = await t.db.selectFrom('offerings').select('id').execute();
    const { status, body } = await t.http(
      'staff.catalog.createOffering',
      {
        ...parisTrip,
        slug: 'Not A Slug',
        stops: [
          { ...at(parisTrip.stops, 0), timeZone: 'Mars/Olympus' },
          { ...at(parisTrip.stops, 1), offsetMinutes: 0 },
        ],
      },
      { userId: a.staff.owner },
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({
      slug: ['Use lower-case letters, digits and single hyphens'],
      'stops.0.timeZone': ['Choose an IANA time zone such as Europe/Paris'],
      'stops.1.offsetMinutes': ['Each stop comes after the one before'],
    });
    const venue = await t.http(
      'staff.catalog.createVenue',
      { name: 'Hall', timeZone: 'Paris' },
      { userId: a.staff.owner },
    );
    expect(venue.body.error?.json.message).toBe(
      'Invalid input: timeZone: Choose an IANA time zone such as Europe/Paris',
    );
    expect(await t.db.selectFrom('offerings').select('id').execute()).toEqual(before);
  });

  it('lets catalog:read roles read, refuses every change to roles without catalog:write', async () => {
    for (const role of ['agent', 'checkin', 'auditor'] as const) {
      const caller = await as(a.staff[role]);
      expect(await caller.staff.catalog.offerings()).not.toHaveLength(0);
      const attempts = [
        () => caller.staff.catalog.createVenue({ name: 'Hall', timeZone: 'Europe/Paris' }),
        () => caller.staff.catalog.createOffering({ ...parisTrip, slug: `refused-${role}` }),
        () => caller.staff.catalog.updateOffering({ offeringId: a.offeringId, status: 'archived' }),
        () =>
          caller.staff.catalog.createTicketType({
            offeringId: a.offeringId,
            name: 'VIP',
            priceAmount: 1,
          }),
        () =>
          caller.staff.catalog.createPriceRule({
            offeringId: a.offeringId,
            kind: 'occupancy',
            threshold: 80,
            adjustmentKind: 'percent_bp',
            adjustmentValue: 1000,
          }),
        () =>
          caller.staff.catalog.createPromoCode({
            offeringId: a.offeringId,
            code: `REFUSED-${role}`,
            discountKind: 'percent_bp',
            discountValue: 500,
          }),
        () =>
          caller.staff.catalog.createAddOn({
            offeringId: a.offeringId,
            name: 'Meal',
            priceAmount: 900,
          }),
        () =>
          caller.staff.catalog.previewSeries({
            offeringId: a.offeringId,
            firstDate: '2027-01-01',
            days: 2,
            localTime: '10:00',
            durationMinutes: 60,
          }),
        () =>
          caller.staff.catalog.createSeries({
            offeringId: a.offeringId,
            firstDate: '2027-01-01',
            days: 2,
            localTime: '10:00',
            durationMinutes: 60,
          }),
      ];
      for (const attempt of [...attempts, ...edits(caller, b.items)])
        await expect(attempt()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it("answers NOT_FOUND for another org's offering, and changes nothing there", async () => {
    const owner = await as(a.staff.owner);
    const series = {
      offeringId: b.offeringId,
      firstDate: '2027-01-01',
      days: 3,
      localTime: '10:00',
      durationMinutes: 60,
    };
    const attempts = [
      () => owner.staff.catalog.offering({ offeringId: b.offeringId }),
      () => owner.staff.catalog.updateOffering({ offeringId: b.offeringId, status: 'archived' }),
      () =>
        owner.staff.catalog.createTicketType({
          offeringId: b.offeringId,
          name: 'VIP',
          priceAmount: 1,
        }),
      () => owner.staff.catalog.previewSeries(series),
      () => owner.staff.catalog.createSeries(series),
      () => owner.staff.catalog.extras({ offeringId: b.offeringId }),
      () =>
        owner.staff.catalog.createPriceRule({
          offeringId: b.offeringId,
          kind: 'time_to_start',
          threshold: 24,
          adjustmentKind: 'amount',
          adjustmentValue: 500,
        }),
      () =>
        owner.staff.catalog.createPromoCode({
          offeringId: b.offeringId,
          code: 'THEIRS10',
          discountKind: 'percent_bp',
          discountValue: 1000,
        }),
      () =>
        owner.staff.catalog.createAddOn({
          offeringId: b.offeringId,
          name: 'Meal',
          priceAmount: 900,
        }),
    ];
    for (const attempt of [...attempts, ...edits(owner, b.items)])
      await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await t.db
        .selectFrom('auditLog')
        .select('action')
        .where('orgId', '=', b.orgId)
        .where('action', 'like', '%.updated')
        .execute(),
    ).toEqual([]);
    const theirs = await t.db
      .selectFrom('offerings')
      .select('status')
      .where('id', '=', b.offeringId)
      .executeTakeFirstOrThrow();
    expect(theirs.status).toBe('published');
    expect(
      await t.db
        .selectFrom('ticketTypes')
        .select('id')
        .where('offeringId', '=', b.offeringId)
        .execute(),
    ).toHaveLength(1);
  });

  it('publishes an offering and sets its cancellation policy (audited), read back on its page', async () => {
    const manager = await as(a.staff.manager);
    const { id } = await manager.staff.catalog.createOffering({
      kind: 'event',
      name: 'Jazz night',
      slug: 'jazz-night',
      currency: 'EUR',
    });
    await manager.staff.catalog.updateOffering({
      offeringId: id,
      status: 'published',
      cancellationCutoffHours: 48,
    });
    const detail = await (await as(a.staff.auditor)).staff.catalog.offering({ offeringId: id });
    expect(detail).toMatchObject({
      status: 'published',
      cancellationCutoffHours: 48,
      kind: 'event',
    });
  });

  it('adds price rules, promo codes and add-ons (audited), read back with the offering; a bad discount changes nothing', async () => {
    const owner = await as(a.staff.owner);
    const rule = await owner.staff.catalog.createPriceRule({
      offeringId: a.offeringId,
      kind: 'occupancy',
      threshold: 80,
      adjustmentKind: 'percent_bp',
      adjustmentValue: 1500,
    });
    const promo = await owner.staff.catalog.createPromoCode({
      offeringId: a.offeringId,
      code: 'summer15',
      discountKind: 'amount',
      discountValue: 500,
      maxRedemptions: 100,
    });
    expect(promo).toMatchObject({ code: 'SUMMER15', redeemedCount: 0 });
    const addOn = await owner.staff.catalog.createAddOn({
      offeringId: a.offeringId,
      name: 'Hot meal',
      priceAmount: 1200,
      stock: 30,
    });
    expect(addOn).toMatchObject({ currency: 'EUR', stock: 30 });
    const extras = await (
      await as(a.staff.auditor)
    ).staff.catalog.extras({ offeringId: a.offeringId });
    expect(extras).toEqual({ priceRules: [rule], promoCodes: [promo], addOns: [addOn] });

    const { body } = await t.http(
      'staff.catalog.createPromoCode',
      {
        offeringId: a.offeringId,
        code: 'TOO-MUCH',
        discountKind: 'percent_bp',
        discountValue: 12000,
      },
      { userId: a.staff.owner },
    );
    expect(body.error?.json.data.fieldErrors).toEqual({
      discountValue: ['At most 10000 basis points (100%)'],
    });
    await expect(
      owner.staff.catalog.createPromoCode({
        offeringId: a.offeringId,
        code: 'SUMMER15',
        discountKind: 'percent_bp',
        discountValue: 100,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const codes = await t.db
      .selectFrom('promoCodes')
      .select('code')
      .where('orgId', '=', a.orgId)
      .execute();
    expect(codes).toEqual([{ code: 'SUMMER15' }]);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', 'in', [rule.id, promo.id, addOn.id])
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'price_rule.created',
      'promo_code.created',
      'add_on.created',
    ]);
  });
});
