import { createOffering, createOrg, createResource, weeklyHours } from '@tessera/db/seed';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
});
afterAll(() => t.close());

const ZONE = 'America/New_York';

/** A court open 22:00-23:00 New York time: in UTC each slot falls on the next day. */
async function lateCourt() {
  const org = await createOrg(t.db, { timeZone: 'UTC' });
  const hours = weeklyHours({ 'mon-sun': ['22:00', '23:00'] });
  const { resource } = await createResource(t.db, {
    org,
    kind: 'court',
    name: 'Night court',
    timeZone: ZONE,
    hours,
  });
  const offering = await createOffering(t.db, {
    org,
    kind: 'appointment',
    slotMinutes: 60,
    horizonDays: 120,
    resources: [resource],
  });
  return { resource, offering };
}

const nextMonth = () => Temporal.Now.plainDateISO(ZONE).toPlainYearMonth().add({ months: 1 });

describe('availability.slotMonth', () => {
  it("groups a month's slots by the venue's days, not UTC's", async () => {
    const { offering, resource } = await lateCourt();
    const month = nextMonth();
    const result = await (
      await t.caller()
    ).availability.slotMonth({ offeringId: offering.id, month: month.toString() });

    expect(result.timeZone).toBe(ZONE);
    expect(result.month).toBe(month.toString());
    expect(result.days.map((day) => day.date)).toEqual(
      Array.from({ length: month.daysInMonth }, (_, index) =>
        month.toPlainDate({ day: index + 1 }).toString(),
      ),
    );
    for (const day of result.days) {
      const start = Temporal.PlainDate.from(day.date)
        .toZonedDateTime({ timeZone: ZONE, plainTime: '22:00' })
        .toInstant();
      expect(day.slots).toEqual([
        {
          start: new Date(start.epochMilliseconds),
          end: new Date(start.epochMilliseconds + 3_600_000),
          resourceId: resource.id,
          remaining: 1,
        },
      ]);
    }
  });

  it('lists nothing for a month that is over, and refuses a malformed month at the field', async () => {
    const { offering } = await lateCourt();
    const api = await t.caller();
    expect(await api.availability.slotMonth({ offeringId: offering.id, month: '2020-01' })).toEqual(
      { timeZone: ZONE, month: '2020-01', days: [] },
    );

    const { status, body } = await t.http(
      'availability.slotMonth',
      { offeringId: offering.id, month: '2026-13' },
      { method: 'GET' },
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({
      month: ['Give the month as YYYY-MM, for example 2026-12'],
    });
  });
});
