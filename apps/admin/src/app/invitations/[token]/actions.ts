'use server';

import { formText } from '@tessera/ui';
import { submitForm, type FormState } from '~/lib/form-state';
import { signIn } from '~/server/auth';
import { serverApi } from '~/trpc/server';

/**
 * Accepts the invitation (a new account, or the invited account's password), then signs the
 * person in to the console. The password is never sent back with a refused form.
 */
export async function acceptInvitation(
  _previous: FormState<string>,
  form: FormData,
): Promise<FormState<string>> {
  const token = formText(form, 'token');
  const password = formText(form, 'password');
  const state = await submitForm(form, async () => {
    const api = await serverApi();
    const accepted =
      formText(form, 'account') === 'existing'
        ? await api.invitations.acceptAsExistingUser({ token, password })
        : await api.invitations.acceptAsNewUser({ token, name: formText(form, 'name'), password });
    return { message: `You joined ${accepted.orgName}.`, result: accepted.email };
  });
  if (state.outcome !== 'done' || state.result === null) {
    const { password: _omitted, ...values } = state.values;
    return { ...state, values };
  }
  await signIn('credentials', { email: state.result, password, redirectTo: '/' });
  return state;
}
