import { useId } from 'react';

const CHOICES = [
  {
    value: 'payment_link',
    label: 'Send a payment link',
    hint: 'Emailed to the customer, who pays by card on Stripe; the places are kept until then.',
  },
  {
    value: 'pay_at_venue',
    label: 'Pay at the venue',
    hint: 'Kept until the start; mark it paid on the booking page when they pay.',
  },
  {
    value: 'paid_now',
    label: 'Paid now (card terminal or cash)',
    hint: 'Confirmed at once, with the tickets emailed.',
  },
] as const;

/** How the customer pays; the link only where card payments are set up (Stripe). */
export function PaymentChoice({
  cardPayments,
  defaultValue,
  errors,
}: {
  cardPayments: boolean;
  defaultValue: string | undefined;
  errors: string[] | undefined;
}) {
  const id = useId();
  const choices = CHOICES.filter((choice) => cardPayments || choice.value !== 'payment_link');
  const checked = defaultValue ?? choices[0]?.value;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors ? `${id}-error` : undefined}>
      <legend className="mb-2 text-lg font-semibold text-slate-900">Payment</legend>
      {choices.map((choice) => (
        <div key={choice.value} className="flex items-start gap-3">
          <input
            type="radio"
            id={`${id}-${choice.value}`}
            name="payment"
            value={choice.value}
            defaultChecked={checked === choice.value}
            aria-describedby={`${id}-${choice.value}-hint`}
            className="mt-1.5"
          />
          <div>
            <label htmlFor={`${id}-${choice.value}`} className="font-medium text-slate-900">
              {choice.label}
            </label>
            <p id={`${id}-${choice.value}-hint`} className="text-sm text-slate-700">
              {choice.hint}
            </p>
          </div>
        </div>
      ))}
      {cardPayments ? null : (
        <p className="text-sm text-slate-700">
          Card payment links need Stripe, which is not set up here.
        </p>
      )}
      {errors ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
