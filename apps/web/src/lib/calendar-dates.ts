/**
 * Calendar arithmetic on local dates written 'YYYY-MM-DD' / months 'YYYY-MM'. Pure calendar
 * counting (UTC stands in for "no zone"): which instant a day starts at is the API's job.
 */
const DAY_MS = 86_400_000;

const toUtc = (date: string) => new Date(`${date}T00:00:00Z`);
const fromUtc = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

export function addMonths(month: string, months: number): string {
  const [year = 0, index = 1] = month.split('-').map(Number);
  return fromUtc(new Date(Date.UTC(year, index - 1 + months, 1))).slice(0, 7);
}

export const monthOf = (date: string) => date.slice(0, 7);

/** The month's days, in weeks from Monday; null pads the first and last week. */
export function monthWeeks(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const lead = (toUtc(first).getUTCDay() + 6) % 7;
  const days: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = first; monthOf(day) === month; day = addDays(day, 1)) days.push(day);
  while (days.length % 7 !== 0) days.push(null);
  return Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
}

/** "Monday 14 December 2026" */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(toUtc(date));
}

/** "December 2026" */
export function monthName(month: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(toUtc(`${month}-01`));
}

/** The month it is now in `timeZone`, 'YYYY-MM'. */
export function currentMonth(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(now)
    .slice(0, 7);
}
