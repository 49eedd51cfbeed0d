'use client';

import type { RouterOutputs } from '@tessera/api';
import { Badge, Card, buttonClasses } from '@tessera/ui';
import QRCode from 'qrcode';

type Ticket = RouterOutputs['bookings']['byReference']['tickets'][number];

/** Quiet zone around the code, in modules: scanners need it to find the edges. */
const QUIET_ZONE = 2;

/**
 * A ticket's signed QR payload as an inline SVG: one path of dark modules, no HTML
 * injection, crisp at any size and in print.
 */
function TicketQr({ payload, label }: { payload: string; label: string }) {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let row = 0; row < modules.size; row += 1)
    for (let column = 0; column < modules.size; column += 1)
      if (modules.get(row, column)) path += `M${column} ${row}h1v1h-1z`;
  const side = modules.size + 2 * QUIET_ZONE;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      shapeRendering="crispEdges"
      className="h-44 w-44 self-center"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/**
 * The tickets of a confirmed booking: each QR with its code, and the PDF and calendar
 * downloads, which the site serves under the page's rule (the email the booking was made with).
 */
export function BookingTickets({
  reference,
  email,
  tickets,
}: {
  reference: string;
  email: string;
  tickets: Ticket[];
}) {
  const access = `?email=${encodeURIComponent(email)}`;
  return (
    <section aria-labelledby="tickets-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="tickets-heading" className="text-lg font-semibold text-slate-900">
          Your tickets
        </h2>
        <div className="flex flex-wrap gap-2">
          <a
            href={`/bookings/${reference}/tickets.pdf${access}`}
            download
            className={buttonClasses({ size: 'sm' })}
          >
            Download tickets (PDF)
          </a>
          <a
            href={`/bookings/${reference}/calendar.ics${access}`}
            download
            className={buttonClasses({ size: 'sm', variant: 'secondary' })}
          >
            Add to calendar (.ics)
          </a>
        </div>
      </div>
      <p className="text-sm text-slate-700">Show the QR code of each ticket at the entrance.</p>
      <ul aria-label="Tickets" className="grid gap-3 sm:grid-cols-2">
        {tickets.map((ticket) => (
          <li key={ticket.code}>
            <Card className="flex flex-col gap-1 p-4">
              <TicketQr payload={ticket.qr} label={`QR code of ticket ${ticket.code}`} />
              <p className="text-sm text-slate-600">Ticket code</p>
              <p className="font-mono text-lg font-semibold tracking-wider text-slate-900">
                {ticket.code}
              </p>
              {ticket.holder ? <p className="text-sm text-slate-700">{ticket.holder}</p> : null}
              {ticket.status === 'void' ? <Badge tone="danger">Void</Badge> : null}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
