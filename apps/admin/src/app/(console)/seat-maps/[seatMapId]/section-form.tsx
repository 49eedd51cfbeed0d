'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState, useState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { addSection } from '../actions';
import { selectClasses } from '../select-classes';

/** Generates a section of rows x seats, laid out straight, staggered or on an arc. */
export function SectionForm({ seatMapId }: { seatMapId: string }) {
  const [state, action, pending] = useActionState(addSection, initialFormState);
  const [shape, setShape] = useState('straight');
  const errors = state.fieldErrors;
  const values = state.values;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="seatMapId" value={seatMapId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="Section name"
          name="name"
          required
          defaultValue={values.name}
          errors={errors.name}
        />
        <Field
          label="Rows"
          name="rows"
          type="number"
          min={1}
          max={60}
          required
          defaultValue={values.rows ?? '5'}
          errors={errors.rows}
        />
        <Field
          label="Seats per row"
          name="seatsPerRow"
          type="number"
          min={1}
          max={80}
          required
          defaultValue={values.seatsPerRow ?? '10'}
          errors={errors.seatsPerRow}
        />
        <Field
          label="First row label"
          name="firstRow"
          defaultValue={values.firstRow ?? 'A'}
          hint="A letter (rows A, B, C…) or a number (1, 2, 3…)."
          errors={errors.firstRow}
        />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Seat numbering
          <select name="numbering" className={selectClasses} defaultValue={values.numbering}>
            <option value="left-to-right">Seat 1 on the left</option>
            <option value="right-to-left">Seat 1 on the right</option>
          </select>
        </label>
        <Field
          label="Aisle after seats"
          name="aisleAfter"
          defaultValue={values.aisleAfter}
          placeholder="5, 10"
          hint="Seat numbers followed by a gap."
          errors={Object.entries(errors)
            .filter(([key]) => key.startsWith('aisleAfter'))
            .flatMap(([, messages]) => messages)}
        />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Row shape
          <select
            name="shape"
            className={selectClasses}
            value={shape}
            onChange={(event) => setShape(event.target.value)}
          >
            <option value="straight">Straight rows</option>
            <option value="staggered">Staggered rows (offset by half a seat)</option>
            <option value="curved">Curved rows (on an arc)</option>
          </select>
        </label>
        {shape === 'curved' ? (
          <Field
            label="Arc at the front row (degrees)"
            name="arcDegrees"
            type="number"
            min={10}
            max={180}
            defaultValue={values.arcDegrees ?? '60'}
            errors={errors.arcDegrees}
          />
        ) : null}
        <Field
          label="Category"
          name="category"
          required
          defaultValue={values.category ?? 'standard'}
          hint="Matches a ticket type's seat category, such as premium."
          errors={errors.category}
        />
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">
          Another category for some rows (optional)
        </legend>
        <Field
          label="From row number"
          name="fromRow"
          type="number"
          min={1}
          defaultValue={values.fromRow}
          errors={errors['rowCategories.0.fromRow']}
        />
        <Field
          label="To row number"
          name="toRow"
          type="number"
          min={1}
          defaultValue={values.toRow}
          errors={errors['rowCategories.0.toRow']}
        />
        <Field
          label="Their category"
          name="rowCategory"
          defaultValue={values.rowCategory}
          errors={errors['rowCategories.0.category']}
        />
      </fieldset>
      <div>
        <Button type="submit" pending={pending}>
          {pending ? 'Adding…' : 'Add section'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
