import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomToken(length: number): string {
  let token = '';
  for (let i = 0; i < length; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}

/** Ids with Stripe's prefixes and roughly Stripe's lengths (`cs_test_` ids are long). */
export const newId = {
  checkoutSession: () => `cs_test_${randomToken(58)}`,
  paymentIntent: () => `pi_${randomToken(24)}`,
  charge: () => `ch_${randomToken(24)}`,
  refund: () => `re_${randomToken(24)}`,
  dispute: () => `dp_${randomToken(24)}`,
  event: () => `evt_${randomToken(24)}`,
  request: () => `req_${randomToken(14)}`,
  lineItem: () => `li_${randomToken(24)}`,
  price: () => `price_${randomToken(24)}`,
  product: () => `prod_${randomToken(14)}`,
  balanceTransaction: () => `txn_${randomToken(24)}`,
  paymentMethod: () => `pm_${randomToken(24)}`,
  secret: () => randomToken(25),
};

export const unixNow = (): number => Math.floor(Date.now() / 1000);
