'use server';

import { ChangeRoleInput, InvitationId, MemberId } from '@tessera/api/domain/staff/schemas';
import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { submitForm, type FormState } from '~/lib/form-state';
import { serverApi } from '~/trpc/server';

const TEAM_PATH = '/settings/team';

export async function inviteStaff(_previous: FormState, form: FormData): Promise<FormState> {
  return submitForm(form, async () => {
    const invitation = await (
      await serverApi()
    ).staff.team.invite({
      email: formText(form, 'email'),
      // An unknown role is the API's to refuse, under the field.
      role: formText(form, 'role') as ChangeRoleInput['role'],
    });
    revalidatePath(TEAM_PATH);
    return { message: `Invitation sent to ${invitation.email}.`, result: null };
  });
}

/** Runs one row's change and answers for the row; refusals are the API's messages. */
async function rowChange(change: () => Promise<string>): Promise<RowActionState> {
  try {
    const message = await change();
    revalidatePath(TEAM_PATH);
    return { outcome: 'done', message };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
}

export async function revokeInvitation(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const input = InvitationId.safeParse({ invitationId: formText(form, 'invitationId') });
  if (!input.success) return { outcome: 'refused', message: 'This invitation is not one of ours.' };
  return rowChange(async () => {
    await (await serverApi()).staff.team.revokeInvitation(input.data);
    return 'Withdrawn: the link no longer works.';
  });
}

export async function changeRole(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const input = ChangeRoleInput.safeParse({
    userId: formText(form, 'userId'),
    role: formText(form, 'role'),
  });
  if (!input.success)
    return { outcome: 'refused', message: input.error.issues.map((i) => i.message).join(' ') };
  return rowChange(async () => {
    await (await serverApi()).staff.team.changeRole(input.data);
    return 'Role saved.';
  });
}

export async function removeMember(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const input = MemberId.safeParse({ userId: formText(form, 'userId') });
  if (!input.success) return { outcome: 'refused', message: 'This member is not one of ours.' };
  return rowChange(async () => {
    await (await serverApi()).staff.team.removeMember(input.data);
    return 'Removed from the staff.';
  });
}
