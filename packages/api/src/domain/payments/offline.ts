import type { PaymentProvider } from './provider';

const DAY_MS = 24 * 60 * 60 * 1000;

export const OFFLINE_INSTRUCTIONS =
  'Pay at the venue before the start. Your places are kept for you until then.';

/**
 * Pay at the venue (or by transfer): nothing is charged online. The booking keeps its
 * inventory until the start and staff mark it paid; refunds are handed back by staff too.
 */
export const offlinePayments: PaymentProvider = {
  name: 'offline',
  paymentDeadline: (now, startsAt) => startsAt ?? new Date(now.getTime() + 7 * DAY_MS),
  startPayment: () =>
    Promise.resolve({
      providerRef: null,
      redirectUrl: null,
      instructions: OFFLINE_INSTRUCTIONS,
    }),
  refund: () => Promise.resolve({ providerRef: null, status: 'pending' }),
};
