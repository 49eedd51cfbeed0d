'use server';

import { formText } from '@tessera/ui';
import { revalidatePath } from 'next/cache';
import { formNumber, submitForm, type FormState } from '~/lib/form-state';
import { serverApi } from '~/trpc/server';
import {
  addOnFields,
  dateFields,
  priceRuleFields,
  promoCodeFields,
  ticketTypeFields,
  venueFields,
} from './item-fields';
import { STOP_ROWS } from './stop-rows';

const optionalText = (form: FormData, name: string) => formText(form, name).trim() || undefined;

export async function createVenue(_previous: FormState, form: FormData): Promise<FormState> {
  return submitForm(form, async () => {
    await (await serverApi()).staff.catalog.createVenue(venueFields(form));
    revalidatePath('/venues');
    return { message: 'Venue added.', result: null };
  });
}

export async function updateVenue(_previous: FormState, form: FormData): Promise<FormState> {
  return submitForm(form, async () => {
    await (
      await serverApi()
    ).staff.catalog.updateVenue({ venueId: formText(form, 'id'), ...venueFields(form) });
    revalidatePath('/venues');
    return { message: 'Saved.', result: null };
  });
}

export async function createOffering(
  _previous: FormState<{ id: string }>,
  form: FormData,
): Promise<FormState<{ id: string }>> {
  const kind = formText(form, 'kind');
  // Trip stop rows left blank are not stops.
  const stops = Array.from({ length: STOP_ROWS }, (_, index) => ({
    name: formText(form, `stops.${index}.name`),
    city: formText(form, `stops.${index}.city`),
    timeZone: formText(form, `stops.${index}.timeZone`).trim(),
    offsetMinutes: formNumber(form, `stops.${index}.offsetMinutes`) ?? (index === 0 ? 0 : NaN),
  })).filter((stop, index) => index < 2 || stop.name || stop.city);
  return submitForm(form, async () => {
    const result = await (
      await serverApi()
    ).staff.catalog.createOffering({
      kind: kind === 'trip' || kind === 'appointment' ? kind : 'event',
      name: formText(form, 'name'),
      slug: formText(form, 'slug').trim(),
      description: formText(form, 'description'),
      currency: formText(form, 'currency').trim().toUpperCase(),
      venueId: optionalText(form, 'venueId') ?? null,
      slotMinutes: kind === 'appointment' ? (formNumber(form, 'slotMinutes') ?? null) : null,
      stops: kind === 'trip' ? stops : [],
    });
    revalidatePath('/catalog');
    return { message: 'Offering created.', result };
  });
}

export async function updateOffering(_previous: FormState, form: FormData): Promise<FormState> {
  const offeringId = formText(form, 'offeringId');
  const status = formText(form, 'status');
  return submitForm(form, async () => {
    await (
      await serverApi()
    ).staff.catalog.updateOffering({
      offeringId,
      status: status === 'published' || status === 'archived' ? status : 'draft',
      cancellationCutoffHours: formNumber(form, 'cancellationCutoffHours') ?? null,
      taxRateId: formText(form, 'taxRateId') || null,
    });
    revalidatePath(`/catalog/${offeringId}`);
    return { message: 'Saved.', result: null };
  });
}

export async function createTicketType(_previous: FormState, form: FormData): Promise<FormState> {
  const offeringId = formText(form, 'offeringId');
  return submitForm(form, async () => {
    await (
      await serverApi()
    ).staff.catalog.createTicketType({ offeringId, ...ticketTypeFields(form) });
    revalidatePath(`/catalog/${offeringId}`);
    return { message: 'Ticket type added.', result: null };
  });
}

export interface SeriesResult {
  created: number | null;
  timeZone: string;
  starts: { localDate: string; startsAt: Date }[];
  existing: string[];
}

/** "Preview" lists the dates without creating them; "Create" creates and stocks them. */
export async function occurrenceSeries(
  _previous: FormState<SeriesResult>,
  form: FormData,
): Promise<FormState<SeriesResult>> {
  const input = {
    ...dateFields(form),
    days: formNumber(form, 'days') ?? NaN,
    skipDates: formText(form, 'skipDates')
      .split(/[\s,]+/)
      .filter(Boolean),
    weekdays: form.getAll('weekdays').map(Number),
  };
  return submitForm<SeriesResult>(
    form,
    async () => {
      const api = await serverApi();
      if (formText(form, 'intent') === 'create') {
        const created = await api.staff.catalog.createSeries(input);
        revalidatePath(`/catalog/${input.offeringId}`);
        return { message: `${created.created} dates created.`, result: created };
      }
      const preview = await api.staff.catalog.previewSeries(input);
      return {
        message: `${preview.starts.length} dates would be created.`,
        result: { ...preview, created: null },
      };
    },
    { keepValues: true },
  );
}

export async function createPriceRule(_previous: FormState, form: FormData): Promise<FormState> {
  const offeringId = formText(form, 'offeringId');
  return submitForm(form, async () => {
    await (
      await serverApi()
    ).staff.catalog.createPriceRule({ offeringId, ...priceRuleFields(form) });
    revalidatePath(`/catalog/${offeringId}`);
    return { message: 'Price rule added.', result: null };
  });
}

export async function createPromoCode(_previous: FormState, form: FormData): Promise<FormState> {
  const offeringId = formText(form, 'offeringId');
  return submitForm(form, async () => {
    await (
      await serverApi()
    ).staff.catalog.createPromoCode({ offeringId, ...promoCodeFields(form) });
    revalidatePath(`/catalog/${offeringId}`);
    return { message: 'Promo code added.', result: null };
  });
}

export async function createAddOn(_previous: FormState, form: FormData): Promise<FormState> {
  const offeringId = formText(form, 'offeringId');
  return submitForm(form, async () => {
    await (await serverApi()).staff.catalog.createAddOn({ offeringId, ...addOnFields(form) });
    revalidatePath(`/catalog/${offeringId}`);
    return { message: 'Add-on added.', result: null };
  });
}
