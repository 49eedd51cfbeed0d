import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import { generateSlots, type Slot } from './slots';
import { loadBusyPeriods, loadOfferingSchedule } from './slots-schedule';
import { SlotsInput, type AvailableSlot, type SlotsView } from './slots-schemas';

/** Free slots of a published appointment offering, on one resource or on any of them. */
export async function listSlots(
  db: Db,
  rawInput: SlotsInput,
  now = new Date(),
): Promise<SlotsView> {
  const input = SlotsInput.parse(rawInput);
  const schedule = await loadOfferingSchedule(db, input);
  if (schedule.status !== 'published')
    throw new AppError('NOT_FOUND', 'This service was not found.');

  const busy = await loadBusyPeriods(db, {
    resourceIds: schedule.resources.map((resource) => resource.resourceId),
    settings: schedule.settings,
    from: input.from,
    to: input.to,
    now,
  });
  const perResource = schedule.resources.map((resource) =>
    generateSlots({
      settings: schedule.settings,
      resourceId: resource.resourceId,
      timeZone: resource.timeZone,
      rules: resource.rules,
      busy: busy.get(resource.resourceId) ?? [],
      from: input.from,
      to: input.to,
      now,
    }),
  );
  return {
    timeZone: schedule.resources[0]?.timeZone ?? schedule.orgTimeZone,
    slots: mergeResources(perResource),
  };
}

/**
 * One entry per distinct [start, end): the first free resource in the offering's resource
 * order (the order `claimSlot` tries them in), and how many resources are free then.
 */
export function mergeResources(perResource: readonly (readonly Slot[])[]): AvailableSlot[] {
  const byTime = new Map<string, AvailableSlot>();
  for (const slots of perResource) {
    for (const slot of slots) {
      const key = `${slot.start.getTime()}/${slot.end.getTime()}`;
      const entry = byTime.get(key);
      if (entry) entry.remaining += 1;
      else byTime.set(key, { ...slot, remaining: 1 });
    }
  }
  return [...byTime.values()].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime(),
  );
}
