import { Field } from '@tessera/ui';
import type { ReactNode } from 'react';
import type { FormState } from '~/lib/form-state';

/** The customer of a sale or quote: name, email (what goes there in `emailHint`) and phone. */
export function ContactFields({
  state,
  emailHint,
  children,
}: {
  state: Pick<FormState<unknown>, 'values' | 'fieldErrors'>;
  emailHint: string;
  /** More about the customer, under their contact (a sale's names on tickets). */
  children?: ReactNode;
}) {
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-2 text-lg font-semibold text-slate-900">Customer</legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="Name"
          name="contact.name"
          required
          autoComplete="off"
          defaultValue={state.values['contact.name']}
          errors={state.fieldErrors['contact.name']}
        />
        <Field
          label="Email"
          name="contact.email"
          type="email"
          required
          autoComplete="off"
          hint={emailHint}
          defaultValue={state.values['contact.email']}
          errors={state.fieldErrors['contact.email']}
        />
        <Field
          label="Phone"
          name="contact.phone"
          type="tel"
          autoComplete="off"
          defaultValue={state.values['contact.phone']}
          errors={state.fieldErrors['contact.phone']}
        />
      </div>
      {children}
    </fieldset>
  );
}
