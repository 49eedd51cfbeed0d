import { Alert, cx } from '@tessera/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';

export interface PagedTableColumn {
  label: string;
  align?: 'right';
}

/**
 * A filtered list's result, a page at a time: the filters' error, an empty message, or a
 * table in a keyboard-scrollable region named by its caption, then the next page's link.
 * `rowCount` is null when no page was loaded (the filters were refused).
 */
export function PagedTable({
  id,
  caption,
  columns,
  rowCount,
  error,
  empty,
  nextHref,
  minWidthClass,
  bodyClassName,
  children,
}: {
  id: string;
  caption: string;
  columns: readonly PagedTableColumn[];
  rowCount: number | null;
  error: string | null;
  empty: string;
  nextHref: string | null;
  /** A literal Tailwind class (e.g. "min-w-[48rem]"), so the build keeps it. */
  minWidthClass: string;
  bodyClassName?: string;
  children: ReactNode;
}) {
  const captionId = `${id}-caption`;
  return (
    <>
      {error ? (
        <Alert tone="error" title="These filters cannot be used">
          {error}
        </Alert>
      ) : null}
      {rowCount === 0 ? <p className="text-slate-700">{empty}</p> : null}
      {rowCount ? (
        <div
          role="region"
          aria-labelledby={captionId}
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <table className={cx('w-full text-left text-sm', minWidthClass)}>
            <caption id={captionId} className="sr-only">
              {caption}
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.label}
                    scope="col"
                    className={cx(
                      'px-4 py-3 font-semibold',
                      column.align === 'right' && 'text-right',
                    )}
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className={cx('divide-y divide-slate-100', bodyClassName)}>{children}</tbody>
          </table>
        </div>
      ) : null}
      {nextHref ? (
        <p className="mt-4">
          <Link href={nextHref} className="font-medium text-brand-800 underline">
            Next page
          </Link>
        </p>
      ) : null}
    </>
  );
}
