'use server';

import { formText } from '@tessera/ui';
import { revalidatePath } from 'next/cache';
import { submitForm, type FormState } from '~/lib/form-state';
import { serverApi } from '~/trpc/server';

const KINDS = ['room', 'court', 'practitioner', 'vehicle'] as const;

function resourceFields(form: FormData) {
  return {
    name: formText(form, 'name'),
    kind: KINDS.find((known) => known === formText(form, 'kind')) ?? 'room',
    timeZone: formText(form, 'timeZone').trim(),
  };
}

export async function createResource(_previous: FormState, form: FormData): Promise<FormState> {
  return submitForm(form, async () => {
    await (await serverApi()).staff.catalog.createResource(resourceFields(form));
    revalidatePath('/resources');
    return { message: 'Resource added.', result: null };
  });
}

export async function updateResource(_previous: FormState, form: FormData): Promise<FormState> {
  const resourceId = formText(form, 'id');
  return submitForm(form, async () => {
    await (await serverApi()).staff.catalog.updateResource({ resourceId, ...resourceFields(form) });
    revalidatePath(`/resources/${resourceId}`);
    return { message: 'Saved.', result: null };
  });
}

/** "2026-12-25 closed" or "2026-12-24 09:00-12:00", one a line. */
function parseOverrides(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [onDate = '', hours = ''] = line.split(/\s+/);
      if (hours.toLowerCase() === 'closed') return { onDate, closed: true as const };
      const [opensAt = '', closesAt = ''] = hours.split('-');
      return { onDate, opensAt, closesAt };
    });
}

export async function setResourceHours(_previous: FormState, form: FormData): Promise<FormState> {
  const resourceId = formText(form, 'resourceId');
  const weekly = [1, 2, 3, 4, 5, 6, 7]
    .map((weekday) => ({
      weekday,
      opensAt: formText(form, `weekly.${weekday}.opensAt`),
      closesAt: formText(form, `weekly.${weekday}.closesAt`),
    }))
    .filter((hours) => hours.opensAt || hours.closesAt);
  return submitForm(
    form,
    async () => {
      await (
        await serverApi()
      ).staff.catalog.setResourceHours({
        resourceId,
        weekly,
        overrides: parseOverrides(formText(form, 'overrides')),
      });
      revalidatePath(`/resources/${resourceId}`);
      return { message: 'Hours saved.', result: null };
    },
    { keepValues: true },
  );
}
