import { PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { OccurrenceTable } from '~/components/occurrence-table';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';

export const metadata: Metadata = { title: 'Upcoming occurrences' };

export default async function UpcomingPage() {
  await requireSession();
  const api = await serverApi();
  const { items } = await api.staff.occurrences.upcoming({ limit: 100 });

  return (
    <>
      <PageHeader
        title="Upcoming occurrences"
        description="Dates and departures from now on, in the time zone of each venue."
      />
      {items.length === 0 ? (
        <p className="text-slate-700">Nothing is scheduled yet.</p>
      ) : (
        <OccurrenceTable
          occurrences={items}
          id="upcoming-caption"
          caption="Upcoming occurrences, soonest first"
        />
      )}
    </>
  );
}
