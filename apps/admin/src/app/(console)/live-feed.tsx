'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgFeedEvent } from '@tessera/api/realtime';
import { orgRoom } from '@tessera/api/realtime/rooms';
import { useTRPC } from '@tessera/client/react';
import { Badge, formatDateTime } from '@tessera/ui';
import { useRoom } from '@tessera/ui/realtime';
import Link from 'next/link';
import { bookingStatus } from '~/lib/booking-labels';
import { FEED_LINES, feedEventLabel } from '~/lib/feed';

/** Newest first, each outbox event once (a line loaded with the page may be pushed too). */
function withPushed(items: OrgFeedEvent[], pushed: OrgFeedEvent): OrgFeedEvent[] {
  if (items.some((item) => item.outboxId === pushed.outboxId)) return items;
  return [pushed, ...items].sort((x, y) => y.outboxId - x.outboxId).slice(0, FEED_LINES);
}

/**
 * Bookings and check-ins of the org as they happen: the lines the page was rendered with,
 * then each push of the org room (`org:<id>`, joined with a token from the API) on top. The
 * lines are fetched again on every (re)join, so nothing missed while away stays missing.
 */
export function LiveFeed({
  orgId,
  timeZone,
  initial,
}: {
  orgId: string;
  /** The org's zone: times are shown there, named. */
  timeZone: string;
  initial: OrgFeedEvent[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feed = trpc.staff.dashboard.feed.queryOptions({ limit: FEED_LINES });
  const { data } = useQuery({ ...feed, initialData: { items: initial } });
  const live = useRoom({
    room: orgRoom(orgId),
    event: 'feed',
    belongs: () => true,
    onEvent: (pushed) =>
      queryClient.setQueryData(feed.queryKey, (current) =>
        current ? { items: withPushed(current.items, pushed) } : current,
      ),
    // Tokens last 5 minutes; one younger than a minute is reused on a quick reconnect.
    token: async () =>
      (
        await queryClient.fetchQuery(
          trpc.staff.realtimeToken.queryOptions(undefined, { staleTime: 60_000 }),
        )
      ).token,
    onJoined: () => void queryClient.invalidateQueries({ queryKey: feed.queryKey }),
  });

  return (
    <section aria-labelledby="live-feed-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="live-feed-heading" className="text-lg font-semibold text-slate-900">
          Live feed
        </h2>
        <p role="status" className="text-sm text-slate-700" data-testid="live-feed-state">
          {live
            ? 'Live: new bookings and check-ins appear here.'
            : 'Not live: reload for the latest.'}
        </p>
      </div>
      {data.items.length === 0 ? (
        <p className="text-slate-700">No bookings or check-ins yet.</p>
      ) : (
        <ol
          aria-label="Bookings and check-ins, newest first"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          {data.items.map((item) => {
            const status = bookingStatus[item.status] ?? {
              label: item.status,
              tone: 'neutral' as const,
            };
            return (
              <li
                key={item.outboxId}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm"
              >
                <span className="font-medium text-slate-900">{feedEventLabel(item.eventType)}</span>
                <Link
                  href={`/bookings/${item.reference}`}
                  className="font-medium text-brand-800 underline"
                >
                  {item.reference}
                </Link>
                {item.ticketCode ? (
                  <span className="text-slate-700">ticket {item.ticketCode}</span>
                ) : null}
                <Badge tone={status.tone}>{status.label}</Badge>
                <time dateTime={item.at} className="ml-auto text-slate-600">
                  {formatDateTime(item.at, timeZone)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
