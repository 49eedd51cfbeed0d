import {
  addDateOverride,
  createOffering,
  createOrg,
  createResource,
  daysFromNowAt,
  localDateAt,
  weeklyHours,
  type OfferingRow,
  type OrgRow,
  type ResourceRow,
} from '@tessera/db/seed';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';

const ZONE = 'Europe/Paris';
const DAYS_AHEAD = 3;
const at = (time: string, days = DAYS_AHEAD) => daysFromNowAt(new Date(), days, time, ZONE);
/** The whole local day, three days from now. */
const day = () => ({ from: at('00:00'), to: at('00:00', DAYS_AHEAD + 1) });

let t: ApiTest;
let org: OrgRow;

beforeAll(async () => {
  t = await setupApiTest();
  org = await createOrg(t.db, { timeZone: ZONE });
});
afterAll(() => t.close());

async function court(name: string) {
  const hours = weeklyHours({ 'mon-sun': ['09:00', '12:00'] });
  return (await createResource(t.db, { org, kind: 'court', name, timeZone: ZONE, hours })).resource;
}

/** A reservation as a hold (live or expired) or a booking would leave it. */
async function reserve(
  offering: Pick<OfferingRow, 'id'>,
  resource: Pick<ResourceRow, 'id'>,
  start: Date,
  heldUntil: Date,
) {
  const hold = await t.db
    .insertInto('holds')
    .values({
      orgId: org.id,
      offeringId: offering.id,
      clientKey: 'test',
      expiresAt: heldUntil,
      currency: 'EUR',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const end = new Date(start.getTime() + 3_600_000);
  await sql`
    INSERT INTO slot_reservations (org_id, resource_id, offering_id, hold_id, starts_at, ends_at, period, held_until)
    VALUES (${org.id}, ${resource.id}, ${offering.id}, ${hold.id}, ${start}, ${end}, tstzrange(${start}, ${end}), ${heldUntil})
  `.execute(t.db);
}

const times = (slots: readonly { start: Date }[]) => slots.map((slot) => slot.start.getTime());

describe('availability.slots', () => {
  it("lists one resource's free slots in its zone, skipping live holds but not expired ones", async () => {
    const resource = await court('Court A');
    const offering = await createOffering(t.db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      resources: [resource],
    });
    await reserve(offering, resource, at('10:00'), new Date(Date.now() + 600_000));
    await reserve(offering, resource, at('11:00'), new Date(Date.now() - 60_000));

    const api = await t.caller();
    const result = await api.availability.slots({
      offeringId: offering.id,
      resourceId: resource.id,
      ...day(),
    });
    expect(result).toEqual({
      timeZone: ZONE,
      slots: [
        { start: at('09:00'), end: at('10:00'), resourceId: resource.id, remaining: 1 },
        { start: at('11:00'), end: at('12:00'), resourceId: resource.id, remaining: 1 },
      ],
    });
  });

  it('merges resources for "any": the first free resource and how many are free', async () => {
    const first = await court('Court 1');
    const second = await court('Court 2');
    const offering = await createOffering(t.db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      resources: [first, second],
    });
    await reserve(offering, first, at('10:00'), new Date(Date.now() + 600_000));
    const onDate = localDateAt(new Date(), ZONE).add({ days: DAYS_AHEAD }).toString();
    await addDateOverride(t.db, { resource: second, onDate, opensAt: '09:00', closesAt: '11:00' });

    const { timeZone, slots } = await (
      await t.caller()
    ).availability.slots({ offeringId: offering.id, ...day() });
    expect(timeZone).toBe(ZONE);
    expect(slots).toEqual([
      { start: at('09:00'), end: at('10:00'), resourceId: first.id, remaining: 2 },
      { start: at('10:00'), end: at('11:00'), resourceId: second.id, remaining: 1 },
      { start: at('11:00'), end: at('12:00'), resourceId: first.id, remaining: 1 },
    ]);
  });

  it("honours the offering's buffers against other offerings' reservations", async () => {
    const resource = await court('Court B');
    const buffered = await createOffering(t.db, {
      org,
      kind: 'appointment',
      slotMinutes: 30,
      bufferBeforeMinutes: 30,
      resources: [resource],
    });
    const other = await createOffering(t.db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      resources: [resource],
    });
    await reserve(other, resource, at('10:00'), new Date(Date.now() + 600_000)); // 10:00-11:00
    const { slots } = await (
      await t.caller()
    ).availability.slots({ offeringId: buffered.id, ...day() });
    // Starts step by an hour (30 + 30 before): 10:00 overlaps the reservation with its slot,
    // 11:00 only with its buffer (10:30-11:30).
    expect(times(slots)).toEqual([at('09:00').getTime()]);
  });

  it('refuses a window longer than 31 days, an unknown offering and a dated offering', async () => {
    const api = await t.caller();
    const resource = await court('Court C');
    const offering = await createOffering(t.db, {
      org,
      kind: 'appointment',
      resources: [resource],
    });
    await expect(
      api.availability.slots({
        offeringId: offering.id,
        from: at('00:00'),
        to: at('00:00', DAYS_AHEAD + 32),
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Ask for at most 31 days of slots at a time') as unknown,
    });
    await expect(
      api.availability.slots({ offeringId: '00000000-0000-4000-8000-000000000000', ...day() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'This service was not found.' });
    const event = await createOffering(t.db, { org, kind: 'event' });
    await expect(api.availability.slots({ offeringId: event.id, ...day() })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This offering is not booked by time slot: choose one of its dates instead.',
    });
    const draft = await createOffering(t.db, {
      org,
      kind: 'appointment',
      status: 'draft',
      resources: [resource],
    });
    await expect(api.availability.slots({ offeringId: draft.id, ...day() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
