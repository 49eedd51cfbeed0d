import { Field } from '@tessera/ui';
import type { FormState } from '~/lib/form-state';
import { selectClasses } from '../../seat-maps/select-classes';

/** What both date forms are given by the offering's page. */
export interface DateFormProps {
  offeringId: string;
  /** The offering's zone, which times are typed in. */
  timeZone: string;
  /** Maps the dates can use for reserved seating; none offered for appointments. */
  seatMaps: { id: string; name: string; seats: number }[];
}

/**
 * What every way of adding dates asks (one date, a series): the start time in the offering's
 * zone, the length, and the seat map the dates sell, if any. The forms read them back with
 * `dateFields` (../item-fields.ts).
 */
export function DateFields({
  timeZone,
  seatMaps,
  defaultTime,
  state,
}: Pick<DateFormProps, 'timeZone' | 'seatMaps'> & {
  defaultTime: string;
  state: Pick<FormState<unknown>, 'values' | 'fieldErrors'>;
}) {
  const { values, fieldErrors: errors } = state;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={`Start time (${timeZone})`}
          name="localTime"
          type="time"
          required
          defaultValue={values.localTime ?? defaultTime}
          errors={errors.localTime}
        />
        <Field
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          min={1}
          defaultValue={values.durationMinutes ?? '120'}
          errors={errors.durationMinutes}
        />
      </div>
      {seatMaps.length ? (
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Seat map
          <select name="seatMapId" defaultValue={values.seatMapId ?? ''} className={selectClasses}>
            <option value="">No seat map (tickets by quota)</option>
            {seatMaps.map((map) => (
              <option key={map.id} value={map.id}>
                {map.name} ({map.seats} seats)
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </>
  );
}
