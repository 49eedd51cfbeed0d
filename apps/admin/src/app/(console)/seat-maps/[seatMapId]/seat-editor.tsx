'use client';

import type { RouterOutputs } from '@tessera/api';
import { Button, Card, Field } from '@tessera/ui';
import {
  categoryColor,
  SeatMap,
  SeatMapLegend,
  type SeatMapCategory,
  type SeatMapSeat,
} from '@tessera/ui/seat-map';
import { useActionState, useMemo, useState } from 'react';
import type { RowActionState } from '~/components/row-action';
import { editSeats } from '../actions';

type EditorSeat = RouterOutputs['staff']['seatMaps']['get']['seats'][number];

const initial: RowActionState = { outcome: null, message: '' };
const anySeat = () => true;
const noSeat = () => false;

/**
 * The map drawn by the customers' component, statuses included (sold or held on a date to
 * come, blocked). Editors choose seats by click or keyboard (arrows, Enter) and change them
 * together; read-only roles only look.
 */
export function SeatEditor({
  seatMapId,
  seats,
  mayWrite,
}: {
  seatMapId: string;
  seats: readonly EditorSeat[];
  mayWrite: boolean;
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [state, action, pending] = useActionState(editSeats, initial);
  const mapSeats = useMemo<SeatMapSeat[]>(
    () =>
      seats.map((seat) => ({
        id: seat.id,
        section: seat.section,
        row: seat.row,
        number: seat.number,
        x: seat.x,
        y: seat.y,
        category: seat.category,
        accessible: seat.accessible,
        status: seat.status,
        priceText: null,
      })),
    [seats],
  );
  const categories = useMemo<SeatMapCategory[]>(
    () =>
      [...new Set(seats.map((seat) => seat.category))]
        .sort()
        .map((id, index) => ({ id, name: id, color: categoryColor(index) })),
    [seats],
  );
  // Seats gone since they were chosen (a section removed) drop out of the selection.
  const chosen = seats.filter((seat) => selected.has(seat.id));

  function toggle(seat: SeatMapSeat) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(seat.id)) next.delete(seat.id);
      else next.add(seat.id);
      return next;
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <SeatMap
          seats={mapSeats}
          categories={categories}
          selectedIds={selected}
          onToggle={toggle}
          selectable={mayWrite ? anySeat : noSeat}
          label="Seat map"
        />
      </Card>
      <SeatMapLegend categories={categories} />
      {mayWrite ? (
        <Card>
          <form action={action} className="flex flex-col gap-3">
            <input type="hidden" name="seatMapId" value={seatMapId} />
            <input type="hidden" name="seatIds" value={chosen.map((seat) => seat.id).join(',')} />
            <p className="text-sm text-slate-800" aria-live="polite">
              {chosen.length
                ? `${chosen.length} ${chosen.length === 1 ? 'seat' : 'seats'} chosen: ${chosen
                    .slice(0, 8)
                    .map((seat) => `${seat.section} ${seat.row}${seat.number}`)
                    .join(', ')}${chosen.length > 8 ? '…' : ''}`
                : 'Choose seats on the map (click, or arrow keys and Enter) to change them together.'}
            </p>
            <div className="flex flex-wrap items-end gap-3">
              <div className="w-48">
                <Field label="Category" name="category" placeholder="premium" />
              </div>
              <Button
                type="submit"
                name="intent"
                value="category"
                variant="secondary"
                pending={pending}
                disabled={!chosen.length}
              >
                Set category
              </Button>
            </div>
            <div className="flex flex-wrap gap-3">
              {(
                [
                  ['accessible', 'Mark accessible'],
                  ['not-accessible', 'Not accessible'],
                  ['block', 'Block'],
                  ['unblock', 'Unblock'],
                ] as const
              ).map(([intent, label]) => (
                <Button
                  key={intent}
                  type="submit"
                  name="intent"
                  value={intent}
                  variant="secondary"
                  pending={pending}
                  disabled={!chosen.length}
                >
                  {label}
                </Button>
              ))}
              <Button
                type="button"
                variant="ghost"
                disabled={!chosen.length}
                onClick={() => setSelected(new Set())}
              >
                Clear selection
              </Button>
            </div>
            <p
              role="status"
              className={
                state.outcome === 'refused' ? 'text-sm text-red-700' : 'text-sm text-slate-700'
              }
            >
              {state.message}
            </p>
          </form>
        </Card>
      ) : null}
    </div>
  );
}
