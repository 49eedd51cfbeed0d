import { Temporal } from 'temporal-polyfill';

/** The calendar date it is at `now` in `timeZone`. */
export function localDateAt(now: Date, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
}

/**
 * The instant of a local wall time ("08:00" on a date in Africa/Algiers). Temporal resolves
 * the zone's rules, DST included; a time skipped by a DST jump moves forward ('compatible').
 */
export function atLocalTime(date: Temporal.PlainDate, time: string, timeZone: string): Date {
  const zoned = date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) });
  return new Date(zoned.epochMilliseconds);
}

/** `days` days after the local date of `now`, at a local wall time. */
export function daysFromNowAt(now: Date, days: number, time: string, timeZone: string): Date {
  return atLocalTime(localDateAt(now, timeZone).add({ days }), time, timeZone);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
