import type { ScanResult } from '@tessera/api/domain/check-in/schemas';
import { cx, formatDateTime } from '@tessera/ui';

/** The verdict, big: a word and a symbol as well as a colour, readable at arm's length. */
export function ScanVerdict({ scan, timeZone }: { scan: ScanResult; timeZone: string }) {
  const { title, symbol, tone, detail } = describe(scan, timeZone);
  return (
    <div
      data-testid="scan-result"
      className={cx(
        'rounded-lg border-4 p-6 text-center',
        tone === 'good'
          ? 'border-emerald-700 bg-emerald-50 text-emerald-950'
          : 'border-red-700 bg-red-50 text-red-950',
      )}
    >
      <p className="text-5xl font-bold" aria-hidden="true">
        {symbol}
      </p>
      <p className="mt-2 text-3xl font-bold">{title}</p>
      {detail.map((line) => (
        <p key={line} className="mt-1 text-lg">
          {line}
        </p>
      ))}
    </div>
  );
}

function describe(scan: ScanResult, timeZone: string) {
  const who =
    'ticket' in scan
      ? [
          `${scan.ticket.holder ?? 'No name'} · ${scan.ticket.place}`,
          `Booking ${scan.ticket.reference}`,
        ]
      : [];
  switch (scan.result) {
    case 'valid':
      return { title: 'Valid', symbol: '✓', tone: 'good', detail: who } as const;
    case 'already_checked_in':
      return {
        title: 'Already checked in',
        symbol: '!',
        tone: 'bad',
        detail: [
          `${formatDateTime(scan.checkedInAt, timeZone)}${scan.checkedInBy ? ` by ${scan.checkedInBy}` : ''}${scan.gate ? ` at gate ${scan.gate}` : ''}`,
          ...who,
        ],
      } as const;
    case 'wrong_occurrence':
      return {
        title: 'Wrong date',
        symbol: '✕',
        tone: 'bad',
        detail: [
          scan.startsAt
            ? `This ticket is for ${formatDateTime(scan.startsAt, timeZone)}`
            : 'This ticket is for another date',
        ],
      } as const;
    case 'void':
      return {
        title: 'Cancelled',
        symbol: '✕',
        tone: 'bad',
        detail: ['This ticket is void: its booking was cancelled.', ...who],
      } as const;
    case 'forged':
      return {
        title: 'Not genuine',
        symbol: '✕',
        tone: 'bad',
        detail: ['The QR signature is not ours: this ticket was altered.'],
      } as const;
    case 'unknown':
      return {
        title: 'Unknown ticket',
        symbol: '?',
        tone: 'bad',
        detail: ['No ticket has this code. Check it and try again.'],
      } as const;
  }
}
