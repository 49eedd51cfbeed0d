'use client';

import { Badge, Button } from '@tessera/ui';
import { useActionState, type ReactNode } from 'react';
import { EditToggle } from '~/components/edit-toggle';
import type { RowActionState } from '~/components/row-action';
import { removeCatalogItem } from './item-actions';

export interface CatalogListItem {
  kind: 'ticket_type' | 'price_rule' | 'promo_code' | 'add_on';
  id: string;
  /** How the buttons name the item to a screen reader: "ticket type Adult". */
  name: string;
  summary: ReactNode;
  active: boolean;
  /** The item's form in edit mode; null for roles that may not edit. */
  editForm: ReactNode | null;
}

const initial: RowActionState = { outcome: null, message: '' };

/**
 * An offering's items, each with Edit and Remove for those who may change the catalog.
 * The outcome of a removal is said below the list, which stays when the item goes.
 */
export function CatalogItemList({
  label,
  offeringId,
  items,
}: {
  label: string;
  offeringId: string;
  items: readonly CatalogListItem[];
}) {
  const [state, remove, pending] = useActionState(removeCatalogItem, initial);
  return (
    <div className="mb-4 flex flex-col gap-2">
      <ul className="flex flex-col gap-2 text-slate-800" aria-label={label}>
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-2">
            <span>{item.summary}</span>
            {item.active ? null : <Badge>deactivated</Badge>}
            {item.editForm ? (
              <EditToggle label={`Edit ${item.name}`}>{item.editForm}</EditToggle>
            ) : null}
            {item.editForm && item.active ? (
              <form action={remove}>
                <input type="hidden" name="offeringId" value={offeringId} />
                <input type="hidden" name="kind" value={item.kind} />
                <input type="hidden" name="id" value={item.id} />
                <Button
                  type="submit"
                  size="sm"
                  variant="secondary"
                  pending={pending}
                  aria-label={`Remove ${item.name}`}
                >
                  Remove
                </Button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <p
        role="status"
        className={state.outcome === 'refused' ? 'text-sm text-red-700' : 'text-sm text-slate-700'}
      >
        {state.message}
      </p>
    </div>
  );
}
