import { invalidParam } from '../http/errors';
import { type LineItem, type StripeList } from '../objects/types';
import { type Store } from '../store';

type Expander = (store: Store, object: Record<string, unknown>) => unknown;

const lookup =
  (pick: (store: Store, id: string) => unknown, field: string): Expander =>
  (store, object) => {
    const id = object[field];
    return typeof id === 'string' ? (pick(store, id) ?? id) : id;
  };

const lineItemsList = (store: Store, object: Record<string, unknown>): StripeList<LineItem> => {
  const id = String(object.id);
  const data = store.lineItems.get(id) ?? [];
  return { object: 'list', data, has_more: false, url: `/v1/checkout/sessions/${id}/line_items` };
};

/** The `expand[]` fields the simulator can fill in, per object type. */
const EXPANDERS: Record<string, Record<string, Expander>> = {
  'checkout.session': {
    payment_intent: lookup((store, id) => store.paymentIntents.get(id), 'payment_intent'),
    line_items: lineItemsList,
  },
  payment_intent: { latest_charge: lookup((store, id) => store.charges.get(id), 'latest_charge') },
  refund: {
    charge: lookup((store, id) => store.charges.get(id), 'charge'),
    payment_intent: lookup((store, id) => store.paymentIntents.get(id), 'payment_intent'),
  },
  charge: { payment_intent: lookup((store, id) => store.paymentIntents.get(id), 'payment_intent') },
};

/** A copy of `object` with the requested fields expanded (one level, as most callers use). */
export function expandFields<T extends { object: string }>(
  store: Store,
  object: T,
  expand: string[] | undefined,
): T {
  const copy = structuredClone(object);
  const fields: Record<string, unknown> = copy;
  for (const field of expand ?? []) {
    const expander = EXPANDERS[object.object]?.[field];
    if (!expander) throw invalidParam('expand', `This property cannot be expanded (${field}).`);
    fields[field] = structuredClone(expander(store, fields));
  }
  return copy;
}
