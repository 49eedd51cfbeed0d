'use client';

import { Button } from '@tessera/ui';
import { useId, useState, type ReactNode } from 'react';

/**
 * An "Edit" button that opens its form in place, below the row. Closed, the form is not in
 * the page at all, so a list of items is not a page of duplicate fields.
 */
export function EditToggle({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Close' : 'Edit'}
      </Button>
      {open ? (
        <div id={id} className="basis-full rounded-md border border-slate-300 p-4">
          {children}
        </div>
      ) : null}
    </>
  );
}
