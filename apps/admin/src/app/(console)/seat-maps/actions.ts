'use server';

import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { formNumber, submitForm, type FormState } from '~/lib/form-state';
import { serverApi } from '~/trpc/server';
import { ZodError } from 'zod';

/** "2, 7" -> [2, 7]; anything not a number stays NaN for the API to refuse under the field. */
const numberList = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

export async function createSeatMap(
  _previous: FormState<{ id: string }>,
  form: FormData,
): Promise<FormState<{ id: string }>> {
  return submitForm(form, async () => {
    const result = await (
      await serverApi()
    ).staff.seatMaps.create({
      name: formText(form, 'name'),
      venueId: formText(form, 'venueId') || null,
    });
    revalidatePath('/seat-maps');
    return { message: 'Seat map created.', result };
  });
}

export async function addSection(_previous: FormState, form: FormData): Promise<FormState> {
  const seatMapId = formText(form, 'seatMapId');
  const shape = formText(form, 'shape');
  const numbering = formText(form, 'numbering');
  const rowCategory = formText(form, 'rowCategory').trim();
  return submitForm(form, async () => {
    const change = await (
      await serverApi()
    ).staff.seatMaps.addSection({
      seatMapId,
      name: formText(form, 'name'),
      rows: formNumber(form, 'rows') ?? NaN,
      seatsPerRow: formNumber(form, 'seatsPerRow') ?? NaN,
      firstRow: formText(form, 'firstRow').trim().toUpperCase() || 'A',
      numbering: numbering === 'right-to-left' ? numbering : 'left-to-right',
      aisleAfter: numberList(formText(form, 'aisleAfter')),
      shape: shape === 'curved' || shape === 'staggered' ? shape : 'straight',
      arcDegrees: formNumber(form, 'arcDegrees') ?? 60,
      category: formText(form, 'category').trim(),
      // One optional range of rows with a category of its own (e.g. the front rows).
      rowCategories: rowCategory
        ? [
            {
              fromRow: formNumber(form, 'fromRow') ?? NaN,
              toRow: formNumber(form, 'toRow') ?? NaN,
              category: rowCategory,
            },
          ]
        : [],
    });
    revalidatePath(`/seat-maps/${seatMapId}`);
    return {
      message: `Section added: ${change.seats} seats${change.occurrencesUpdated ? `, on sale on ${change.occurrencesUpdated} dates to come` : ''}.`,
      result: null,
    };
  });
}

/** An action without fields of its own: a refusal, invalid input included, is one message. */
async function rowAction(call: () => Promise<string>): Promise<RowActionState> {
  try {
    return { outcome: 'done', message: await call() };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const message =
      error.cause instanceof ZodError
        ? error.cause.issues.map((issue) => issue.message).join(' ')
        : error.message;
    return { outcome: 'refused', message };
  }
}

export async function removeSection(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const seatMapId = formText(form, 'seatMapId');
  return rowAction(async () => {
    const change = await (
      await serverApi()
    ).staff.seatMaps.removeSection({ seatMapId, section: formText(form, 'section') });
    revalidatePath(`/seat-maps/${seatMapId}`);
    return `Removed ${change.seats} seats.`;
  });
}

/** The editor's bulk actions: which one is the submit button's intent. */
export async function editSeats(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const seatMapId = formText(form, 'seatMapId');
  const intent = formText(form, 'intent');
  const change =
    intent === 'category'
      ? { category: formText(form, 'category').trim() }
      : intent === 'accessible' || intent === 'not-accessible'
        ? { accessible: intent === 'accessible' }
        : { blocked: intent === 'block' };
  return rowAction(async () => {
    const result = await (
      await serverApi()
    ).staff.seatMaps.editSeats({
      seatMapId,
      seatIds: formText(form, 'seatIds').split(',').filter(Boolean),
      ...change,
    });
    revalidatePath(`/seat-maps/${seatMapId}`);
    return `${result.seats} ${result.seats === 1 ? 'seat' : 'seats'} updated.`;
  });
}

export async function deleteSeatMap(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  return rowAction(async () => {
    await (await serverApi()).staff.seatMaps.delete({ seatMapId: formText(form, 'seatMapId') });
    revalidatePath('/seat-maps');
    return 'Deleted.';
  });
}

export async function renameSeatMap(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const seatMapId = formText(form, 'seatMapId');
  return rowAction(async () => {
    await (await serverApi()).staff.seatMaps.rename({ seatMapId, name: formText(form, 'name') });
    revalidatePath(`/seat-maps/${seatMapId}`);
    return 'Renamed.';
  });
}
