import type { SalesReport } from './schemas';

export const REPORT_TABLES = [
  'revenue',
  'occupancy',
  'ticket-types',
  'channels',
  'refunds',
] as const;
export type ReportTableKey = (typeof REPORT_TABLES)[number];

export interface ReportTable {
  key: ReportTableKey;
  title: string;
  columns: string[];
  rows: string[][];
}

/** Minor units as a plain decimal in the currency's own precision ("1234.50"). */
export function decimalAmount(amount: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return (amount / 10 ** digits).toFixed(digits);
}

const CHANNELS: Record<string, string> = { web: 'Website', agent: 'Staff (agent)', api: 'API' };

/**
 * The report as the tables the console shows, cell by cell; the CSV export is made from
 * the same tables, so a download holds exactly the rows on screen.
 */
export function reportTables(report: SalesReport): ReportTable[] {
  const time = new Intl.DateTimeFormat('sv-SE', {
    timeZone: report.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return [
    {
      key: 'revenue',
      title: 'Revenue by day',
      columns: ['Date', 'Currency', 'Bookings', 'Revenue'],
      rows: report.revenueByDay.map((row) => [
        row.date,
        row.currency,
        String(row.bookings),
        decimalAmount(row.revenue, row.currency),
      ]),
    },
    {
      key: 'occupancy',
      title: 'Occupancy per date',
      columns: [`Starts (${report.timeZone})`, 'Offering', 'Sold', 'On sale', 'Occupancy %'],
      rows: report.occupancy.map((row) => [
        time.format(row.startsAt),
        row.offeringName,
        String(row.sold),
        String(row.capacity),
        row.occupancyPercent.toFixed(1),
      ]),
    },
    {
      key: 'ticket-types',
      title: 'Sales by ticket type',
      columns: ['Offering', 'Ticket type', 'Currency', 'Quantity', 'Revenue'],
      rows: report.byTicketType.map((row) => [
        row.offeringName,
        row.ticketType,
        row.currency,
        String(row.quantity),
        decimalAmount(row.revenue, row.currency),
      ]),
    },
    {
      key: 'channels',
      title: 'Sales by channel',
      columns: ['Channel', 'Currency', 'Bookings', 'Revenue'],
      rows: report.byChannel.map((row) => [
        CHANNELS[row.channel] ?? row.channel,
        row.currency,
        String(row.bookings),
        decimalAmount(row.revenue, row.currency),
      ]),
    },
    {
      key: 'refunds',
      title: 'Refunds',
      columns: ['Date', 'Currency', 'Refunds', 'Amount'],
      rows: report.refunds.map((row) => [
        row.date,
        row.currency,
        String(row.refunds),
        decimalAmount(row.amount, row.currency),
      ]),
    },
  ];
}
