/** Shown on every page while card payments go to Stripe's test mode or the local simulator. */
export function TestPaymentsBanner() {
  return (
    <div role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
      <strong className="font-semibold">Test payments</strong>: no real money is taken. Pay with the
      test buttons on the payment page.
    </div>
  );
}
