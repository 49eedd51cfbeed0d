import { Temporal } from 'temporal-polyfill';
import { localInstant } from '../availability/slots';
import type { OccurrenceSeries } from './schemas';

export interface SeriesStart {
  localDate: string;
  startsAt: Date;
}

/**
 * The start instants of a series: the same local wall time on each chosen date, so a
 * daily 08:00 departure stays at 08:00 across a daylight-saving change (its UTC instant
 * moves by the hour instead).
 */
export function seriesStarts(
  series: Pick<OccurrenceSeries, 'firstDate' | 'days' | 'localTime' | 'weekdays' | 'skipDates'>,
  timeZone: string,
): SeriesStart[] {
  const skipped = new Set(series.skipDates);
  const first = Temporal.PlainDate.from(series.firstDate);
  const starts: SeriesStart[] = [];
  for (let offset = 0; offset < series.days; offset++) {
    const date = first.add({ days: offset });
    const localDate = date.toString();
    if (skipped.has(localDate)) continue;
    if (series.weekdays.length && !series.weekdays.includes(date.dayOfWeek)) continue;
    starts.push({ localDate, startsAt: localInstant(date, series.localTime, timeZone) });
  }
  return starts;
}
