import type { Db } from '@tessera/db';
import { Temporal } from 'temporal-polyfill';
import { listSlots } from '../availability/slots-listing';
import { loadOfferingSchedule } from '../availability/slots-schedule';
import { SlotMonthInput, type SlotMonth } from './slot-month-schemas';

/**
 * The free slots of one calendar month, grouped by day, where "month" and "day" are the
 * venue's: a 23:30 slot in Paris belongs to that Paris day whatever the viewer's zone.
 */
export async function slotMonth(
  db: Db,
  rawInput: SlotMonthInput,
  now = new Date(),
): Promise<SlotMonth> {
  const input = SlotMonthInput.parse(rawInput);
  // The zone listSlots will answer in: the chosen resource's, else the first resource's.
  const schedule = await loadOfferingSchedule(db, {
    offeringId: input.offeringId,
    resourceId: input.resourceId,
    from: now,
    to: now,
  });
  const timeZone = schedule.resources[0]?.timeZone ?? schedule.orgTimeZone;
  const first = Temporal.PlainYearMonth.from(input.month).toPlainDate({ day: 1 });
  const startOf = (date: Temporal.PlainDate) =>
    new Date(date.toZonedDateTime({ timeZone }).epochMilliseconds);
  const from = new Date(Math.max(startOf(first).getTime(), now.getTime()));
  const to = startOf(first.add({ months: 1 }));
  if (from >= to) return { timeZone, month: input.month, days: [] };

  const { slots } = await listSlots(
    db,
    { offeringId: input.offeringId, resourceId: input.resourceId, from, to },
    now,
  );
  const days = new Map<string, SlotMonth['days'][number]['slots']>();
  for (const slot of slots) {
    const date = Temporal.Instant.fromEpochMilliseconds(slot.start.getTime())
      .toZonedDateTimeISO(timeZone)
      .toPlainDate()
      .toString();
    days.set(date, [...(days.get(date) ?? []), slot]);
  }
  return {
    timeZone,
    month: input.month,
    days: [...days].map(([date, daySlots]) => ({ date, slots: daySlots })),
  };
}
