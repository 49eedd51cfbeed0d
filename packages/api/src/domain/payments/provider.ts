/**
 * How a booking is paid. Providers are called outside database transactions (a slow
 * provider must not hold row locks); what they return is recorded afterwards.
 */
export interface PaymentRequest {
  paymentId: string;
  orgId: string;
  bookingReference: string;
  amount: number;
  currency: string;
  customerEmail: string;
  lines: { description: string; quantity: number; unitAmount: number }[];
  /** The booking holds its inventory until then. */
  dueAt: Date;
}

export interface StartedPayment {
  /** The provider's id for it (a Checkout Session id), or null when there is none. */
  providerRef: string | null;
  /** Where to send the customer to pay, or null when payment happens elsewhere. */
  redirectUrl: string | null;
  /** What to tell the customer about paying. */
  instructions: string;
}

export interface RefundRequest {
  refundId: string;
  paymentProviderRef: string | null;
  amount: number;
  currency: string;
}

export interface PaymentProvider {
  readonly name: 'stripe' | 'offline';
  /** How long a booking waits for payment, given when its occurrence starts. */
  paymentDeadline(now: Date, startsAt: Date | null): Date;
  startPayment(request: PaymentRequest): Promise<StartedPayment>;
  /** `succeeded` when the money is back; `pending` when the provider confirms later. */
  refund(
    request: RefundRequest,
  ): Promise<{ providerRef: string | null; status: 'pending' | 'succeeded' }>;
}
