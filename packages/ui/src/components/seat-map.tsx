'use client';

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { cx } from '../cx';

export interface SeatMapSeat {
  id: string;
  section: string;
  row: string;
  number: string;
  x: number;
  y: number;
  category: string;
  accessible: boolean;
  /** Customers can choose only 'free' seats. */
  status: 'free' | 'held' | 'sold' | 'blocked';
  /** Price already formatted for reading, e.g. "45.00 EUR"; null when the seat is not sold. */
  priceText: string | null;
}

export interface SeatMapCategory {
  id: string;
  name: string;
  /** Fill colour of the category's free seats; the legend names it in text too. */
  color: string;
  priceText?: string;
}

export interface SeatMapProps {
  seats: readonly SeatMapSeat[];
  categories: readonly SeatMapCategory[];
  selectedIds: ReadonlySet<string>;
  onToggle: (seat: SeatMapSeat) => void;
  /** Accessible name of the map, e.g. "Seat map". */
  label: string;
  /** Which seats can be chosen; default the free ones (staff editing a map choose any). */
  selectable?: (seat: SeatMapSeat) => boolean;
  className?: string;
}

/** Category fills, dark enough for a 3:1 contrast on white (WCAG non-text contrast). */
const CATEGORY_PALETTE = ['#b45309', '#1d4ed8', '#047857', '#7e22ce', '#be123c', '#0e7490'];

/** The fill of the `index`-th category of a map, the same on the site and in the console. */
export function categoryColor(index: number): string {
  return CATEGORY_PALETTE[index % CATEGORY_PALETTE.length] ?? '#334155';
}

const freeOnly = (seat: SeatMapSeat) => seat.status === 'free';

/**
 * The smallest distance between two seat centres: the size seats are drawn at. Curved and
 * staggered rows put seats at any x, so gaps along one axis say nothing. A sweep over the
 * seats sorted by x stops looking once the x gap alone is larger than the best found.
 */
export function seatPitch(seats: readonly { x: number; y: number }[]): number {
  const sorted = [...seats].sort((a, b) => a.x - b.x);
  let pitch = Infinity;
  for (let i = 0; i < sorted.length; i++) {
    const seat = sorted[i];
    if (!seat) continue;
    for (let j = i + 1; j < sorted.length; j++) {
      const other = sorted[j];
      if (!other || other.x - seat.x >= pitch) break;
      const distance = Math.hypot(other.x - seat.x, other.y - seat.y);
      if (distance > 0) pitch = Math.min(pitch, distance);
    }
  }
  return Number.isFinite(pitch) ? pitch : 10;
}

const statusWords: Record<SeatMapSeat['status'], string> = {
  free: 'available',
  held: 'being booked by someone else',
  sold: 'taken',
  blocked: 'not for sale',
};

/** What a screen reader says for a seat: "Orchestra, Row C, seat 12, 55.00 EUR, available". */
export function seatLabel(seat: SeatMapSeat, selected: boolean): string {
  const parts = [seat.section, `Row ${seat.row}`, `seat ${seat.number}`];
  if (seat.accessible) parts.push('wheelchair place');
  if (seat.priceText && seat.status === 'free') parts.push(seat.priceText);
  // A chosen seat that is not free (staff choose any seat) still says why it is not on sale.
  if (seat.status !== 'free' || !selected) parts.push(statusWords[seat.status]);
  if (selected) parts.push('selected');
  return parts.join(', ');
}

type Direction = 'left' | 'right' | 'up' | 'down';

const keyDirections: Partial<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** The seat a person expects an arrow key to reach: nearest in that direction. */
function neighbour(seats: readonly SeatMapSeat[], from: SeatMapSeat, direction: Direction) {
  let best: SeatMapSeat | null = null;
  let bestScore = Infinity;
  for (const seat of seats) {
    const dx = seat.x - from.x;
    const dy = seat.y - from.y;
    const ahead =
      direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 0) continue;
    // Stay on the same row (or column) first, then the closest.
    const score = across * 1000 + ahead;
    if (score < bestScore) {
      best = seat;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A reserved-seating map as SVG. Each seat is a focusable button with a spoken label;
 * arrow keys move between seats, Enter or Space chooses. Colour repeats what shapes and
 * marks say: wheelchair places are squares, unavailable seats carry a cross, chosen seats
 * a tick.
 */
export function SeatMap({
  seats,
  categories,
  selectedIds,
  onToggle,
  label,
  selectable = freeOnly,
  className,
}: SeatMapProps) {
  const [focusId, setFocusId] = useState<string | null>(null);
  const refs = useRef(new Map<string, SVGGElement>());
  const colorOf = useMemo(
    () => new Map(categories.map((category) => [category.id, category.color])),
    [categories],
  );

  const box = useMemo(() => {
    const xs = seats.map((seat) => seat.x);
    const ys = seats.map((seat) => seat.y);
    const pitch = seatPitch(seats);
    const margin = pitch;
    const minX = Math.min(...xs) - margin;
    const minY = Math.min(...ys) - margin;
    return {
      pitch,
      viewBox: `${minX} ${minY} ${Math.max(...xs) - minX + margin} ${Math.max(...ys) - minY + margin}`,
    };
  }, [seats]);

  const tabStop =
    (focusId && seats.some((seat) => seat.id === focusId) ? focusId : null) ??
    seats.find(selectable)?.id ??
    seats[0]?.id;

  function onKeyDown(event: KeyboardEvent<SVGGElement>, seat: SeatMapSeat) {
    const direction = keyDirections[event.key];
    if (direction) {
      event.preventDefault();
      const next = neighbour(seats, seat, direction);
      if (next) {
        setFocusId(next.id);
        refs.current.get(next.id)?.focus();
      }
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (selectable(seat)) onToggle(seat);
    }
  }

  const size = box.pitch * 0.8;
  const half = size / 2;

  return (
    <svg
      role="group"
      aria-label={label}
      viewBox={box.viewBox}
      className={cx('h-auto w-full touch-manipulation select-none', className)}
    >
      {seats.map((seat) => {
        const selected = selectedIds.has(seat.id);
        const free = seat.status === 'free';
        const choosable = selectable(seat);
        const fill = selected
          ? '#0f172a'
          : free
            ? (colorOf.get(seat.category) ?? '#64748b')
            : '#e2e8f0';
        const stroke = free || selected ? '#0f172a' : '#94a3b8';
        return (
          <g
            key={seat.id}
            ref={(node) => {
              if (node) refs.current.set(seat.id, node);
              else refs.current.delete(seat.id);
            }}
            role="button"
            tabIndex={seat.id === tabStop ? 0 : -1}
            aria-label={seatLabel(seat, selected)}
            aria-pressed={selected}
            aria-disabled={!choosable || undefined}
            onClick={() => {
              setFocusId(seat.id);
              if (choosable) onToggle(seat);
            }}
            onFocus={() => setFocusId(seat.id)}
            onKeyDown={(event) => onKeyDown(event, seat)}
            className={cx(
              'outline-none [&:focus-visible>.seat-focus]:opacity-100',
              choosable ? 'cursor-pointer' : 'cursor-not-allowed',
            )}
          >
            <title>{seatLabel(seat, selected)}</title>
            {seat.accessible ? (
              <rect
                x={seat.x - half}
                y={seat.y - half}
                width={size}
                height={size}
                rx={size * 0.1}
                fill={fill}
                stroke={stroke}
                strokeWidth={size * 0.08}
              />
            ) : (
              <circle
                cx={seat.x}
                cy={seat.y}
                r={half}
                fill={fill}
                stroke={stroke}
                strokeWidth={size * 0.08}
              />
            )}
            {!free && !selected ? (
              <path
                d={`M${seat.x - half * 0.55} ${seat.y - half * 0.55} L${seat.x + half * 0.55} ${seat.y + half * 0.55} M${seat.x + half * 0.55} ${seat.y - half * 0.55} L${seat.x - half * 0.55} ${seat.y + half * 0.55}`}
                stroke="#475569"
                strokeWidth={size * 0.12}
              />
            ) : null}
            {selected ? (
              <path
                d={`M${seat.x - half * 0.5} ${seat.y} L${seat.x - half * 0.1} ${seat.y + half * 0.4} L${seat.x + half * 0.55} ${seat.y - half * 0.45}`}
                fill="none"
                stroke="#ffffff"
                strokeWidth={size * 0.14}
              />
            ) : null}
            <circle
              className="seat-focus opacity-0"
              cx={seat.x}
              cy={seat.y}
              r={half + box.pitch * 0.12}
              fill="none"
              stroke="#1d4ed8"
              strokeWidth={box.pitch * 0.08}
            />
          </g>
        );
      })}
    </svg>
  );
}

/** The key to a seat map: categories by colour and name, and the shapes' meanings. */
export function SeatMapLegend({ categories }: { categories: readonly SeatMapCategory[] }) {
  return (
    <ul aria-label="Seat map key" className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-slate-800">
      {categories.map((category) => (
        <li key={category.id} className="flex items-center gap-2">
          <svg aria-hidden="true" viewBox="0 0 10 10" className="size-4">
            <circle cx="5" cy="5" r="4" fill={category.color} stroke="#0f172a" strokeWidth="0.7" />
          </svg>
          {category.name}
          {category.priceText ? ` (${category.priceText})` : null}
        </li>
      ))}
      <li className="flex items-center gap-2">
        <svg aria-hidden="true" viewBox="0 0 10 10" className="size-4">
          <rect
            x="1"
            y="1"
            width="8"
            height="8"
            rx="1"
            fill="#ffffff"
            stroke="#0f172a"
            strokeWidth="0.7"
          />
        </svg>
        Wheelchair place (square)
      </li>
      <li className="flex items-center gap-2">
        <svg aria-hidden="true" viewBox="0 0 10 10" className="size-4">
          <circle cx="5" cy="5" r="4" fill="#0f172a" />
          <path d="M3 5 L4.5 6.6 L7.2 3.6" fill="none" stroke="#fff" strokeWidth="1.1" />
        </svg>
        Your selection (tick)
      </li>
      <li className="flex items-center gap-2">
        <svg aria-hidden="true" viewBox="0 0 10 10" className="size-4">
          <circle cx="5" cy="5" r="4" fill="#e2e8f0" stroke="#94a3b8" strokeWidth="0.7" />
          <path d="M3 3 L7 7 M7 3 L3 7" stroke="#475569" strokeWidth="1" />
        </svg>
        Unavailable (cross)
      </li>
    </ul>
  );
}
