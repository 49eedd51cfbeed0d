import { describe, expect, it } from 'vitest';
import { toCsv } from '../shared/csv';
import { decimalAmount, reportTables } from './report-tables';

describe('reportTables', () => {
  it('words amounts in each currency’s precision and times in the org’s zone', () => {
    expect(decimalAmount(123450, 'EUR')).toBe('1234.50');
    expect(decimalAmount(1500, 'JPY')).toBe('1500');
    const tables = reportTables({
      timeZone: 'Europe/Paris',
      from: '2026-06-01',
      to: '2026-06-01',
      revenueByDay: [{ date: '2026-06-01', currency: 'EUR', bookings: 2, revenue: 4050 }],
      occupancy: [
        {
          occurrenceId: '00000000-0000-4000-8000-000000000001',
          offeringName: 'Jazz, "live"',
          startsAt: new Date('2026-06-01T18:00:00Z'),
          capacity: 40,
          sold: 10,
          occupancyPercent: 25,
        },
      ],
      byTicketType: [],
      byChannel: [{ channel: 'agent', currency: 'EUR', bookings: 1, revenue: 1000 }],
      refunds: [],
    });
    expect(tables.map((table) => table.rows)).toEqual([
      [['2026-06-01', 'EUR', '2', '40.50']],
      [['2026-06-01 20:00', 'Jazz, "live"', '10', '40', '25.0']],
      [],
      [['Staff (agent)', 'EUR', '1', '10.00']],
      [],
    ]);
    const occupancy = tables[1];
    expect(occupancy && toCsv([occupancy.columns, ...occupancy.rows])).toBe(
      'Starts (Europe/Paris),Offering,Sold,On sale,Occupancy %\r\n2026-06-01 20:00,"Jazz, ""live""",10,40,25.0\r\n',
    );
  });
});
