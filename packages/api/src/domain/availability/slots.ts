import { Temporal } from 'temporal-polyfill';

/**
 * Appointment slot generation: pure, so it can be tested across DST changes without a
 * database. Opening hours are local wall times of the resource's IANA zone; everything
 * this module returns is an exact instant (a UTC `Date`).
 */

/** An appointment offering's slot settings (columns of `offerings`). */
export interface SlotSettings {
  slotMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
}

/** One `availability_rules` row: weekly (ISO weekday, 1 = Monday) or a date override. */
export interface OpeningRule {
  weekday: number | null;
  onDate: string | null;
  opensAt: string | null;
  closesAt: string | null;
  closed: boolean;
}

/** A half-open instant range [start, end) that is already taken (buffers included). */
export interface BusyPeriod {
  start: Date;
  end: Date;
}

export interface Slot {
  start: Date;
  end: Date;
  resourceId: string;
}

export interface GenerateSlotsInput {
  settings: SlotSettings;
  resourceId: string;
  timeZone: string;
  rules: readonly OpeningRule[];
  busy?: readonly BusyPeriod[];
  /** Slots starting in [from, to) are returned. */
  from: Date;
  to: Date;
  now: Date;
}

const MINUTE = 60_000;

/**
 * The instant of a local wall time on a local date. 'compatible' is Temporal's (and RFC
 * 5545's) rule: a time that falls in a spring-forward gap is SHIFTED forward by the gap's
 * length (02:30 in New York on its spring-forward day opens at 03:30 EDT), and an
 * ambiguous fall-back time takes the EARLIER instant (01:30 EDT, not 01:30 EST). The same
 * rule resolves seed times in @tessera/db (`atLocalTime`), so both sides agree.
 */
export function localInstant(date: Temporal.PlainDate, time: string, timeZone: string): Date {
  // Postgres `time` allows 24:00:00, "end of day"; Temporal does not.
  const endOfDay = time.startsWith('24:');
  const day = endOfDay ? date.add({ days: 1 }) : date;
  const zoned = day.toZonedDateTime({
    timeZone,
    plainTime: endOfDay ? Temporal.PlainTime.from('00:00') : Temporal.PlainTime.from(time),
  });
  return new Date(zoned.epochMilliseconds);
}

export function localDateOf(instant: Date, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
}

/**
 * The opening intervals of one local date. Date overrides replace that day's weekly hours
 * (several override rows add up); a closed override closes the whole day, whatever other
 * override rows say, since closing is the explicit, cautious instruction.
 */
export function openingIntervalsOn(
  date: Temporal.PlainDate,
  rules: readonly OpeningRule[],
  timeZone: string,
): BusyPeriod[] {
  const iso = date.toString();
  const overrides = rules.filter((rule) => rule.onDate === iso);
  if (overrides.some((rule) => rule.closed)) return [];
  const chosen =
    overrides.length > 0 ? overrides : rules.filter((rule) => rule.weekday === date.dayOfWeek);
  const intervals: BusyPeriod[] = [];
  for (const rule of chosen) {
    if (rule.opensAt === null || rule.closesAt === null) continue;
    const start = localInstant(date, rule.opensAt, timeZone);
    const end = localInstant(date, rule.closesAt, timeZone);
    // A gap shift can push an opening past a closing inside the same gap: nothing is open.
    if (end > start) intervals.push({ start, end });
  }
  return intervals.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The earliest and latest start a customer may book at `now` (minimum notice, horizon). */
export function bookableStarts(
  settings: SlotSettings,
  timeZone: string,
  now: Date,
): { earliest: Date; latest: Date } {
  const earliest = new Date(now.getTime() + settings.minNoticeMinutes * MINUTE);
  // Horizon in calendar days of the resource's zone: "30 days ahead" keeps the wall clock.
  const latestZoned = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .add({ days: settings.horizonDays });
  return { earliest, latest: new Date(latestZoned.epochMilliseconds) };
}

const overlaps = (aStart: number, aEnd: number, b: BusyPeriod) =>
  aStart < b.end.getTime() && b.start.getTime() < aEnd;

/**
 * Free slots of one resource starting in [from, to), in start order.
 *
 * Within an opening interval, slots start at the opening instant and step by
 * slot + buffer after + buffer before of EXACT elapsed time, so every slot lasts exactly
 * `slotMinutes` even across a DST change, and a generated start never lands on a
 * nonexistent local time (only an opening boundary can, see `localInstant`). A slot's own
 * [start, end) must fit the interval; for conflicts it occupies
 * [start - bufferBefore, end + bufferAfter), the `period` a claim writes.
 */
export function generateSlots(input: GenerateSlotsInput): Slot[] {
  const { settings, timeZone, from, to } = input;
  if (to <= from) return [];
  const { earliest, latest } = bookableStarts(settings, timeZone, input.now);
  const slotMs = settings.slotMinutes * MINUTE;
  const beforeMs = settings.bufferBeforeMinutes * MINUTE;
  const afterMs = settings.bufferAfterMinutes * MINUTE;
  const stepMs = slotMs + beforeMs + afterMs;
  const lowest = Math.max(from.getTime(), earliest.getTime());
  const highest = Math.min(to.getTime() - 1, latest.getTime());
  const busy = input.busy ?? [];

  const slots: Slot[] = [];
  const lastDate = localDateOf(to, timeZone);
  for (
    let date = localDateOf(from, timeZone);
    Temporal.PlainDate.compare(date, lastDate) <= 0;
    date = date.add({ days: 1 })
  ) {
    for (const interval of openingIntervalsOn(date, input.rules, timeZone)) {
      const close = interval.end.getTime();
      for (let start = interval.start.getTime(); start + slotMs <= close; start += stepMs) {
        if (start < lowest) continue;
        if (start > highest) break;
        if (busy.some((period) => overlaps(start - beforeMs, start + slotMs + afterMs, period)))
          continue;
        slots.push({
          start: new Date(start),
          end: new Date(start + slotMs),
          resourceId: input.resourceId,
        });
      }
    }
  }
  // Two intervals of one day may overlap (several rows per day): keep each start once.
  const seen = new Set<number>();
  return slots
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .filter((slot) => !seen.has(slot.start.getTime()) && seen.add(slot.start.getTime()));
}
