import type { ReactNode } from 'react';
import { formatMoney, type Money } from '../format';

export interface QuoteLinesTableProps {
  caption: ReactNode;
  lines: readonly { description: string; quantity: number; amount: number }[];
  /** Rows between the lines and the total (a subtotal, a discount), in the total's currency. */
  summary?: readonly { label: ReactNode; amount: number }[];
  total: Money;
  /** The total cell's test handle: each app's tests name it their way. */
  totalTestId: string;
}

/** A quote's lines and total, as staff build it in the console and the customer reads it. */
export function QuoteLinesTable({
  caption,
  lines,
  summary = [],
  total,
  totalTestId,
}: QuoteLinesTableProps) {
  const money = (amount: number) => formatMoney({ amount, currency: total.currency });
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
      <thead className="border-b border-slate-200 text-slate-700">
        <tr>
          <th scope="col" className="py-2 pr-4 font-semibold">
            Item
          </th>
          <th scope="col" className="py-2 pr-4 font-semibold">
            Quantity
          </th>
          <th scope="col" className="py-2 text-right font-semibold">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => (
          <tr key={index} className="border-b border-slate-100">
            <td className="py-2 pr-4">{line.description}</td>
            <td className="py-2 pr-4">{line.quantity}</td>
            <td className="py-2 text-right">{money(line.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        {summary.map((row, index) => (
          <tr key={index}>
            <th scope="row" colSpan={2} className="py-2 pr-4 text-left font-medium">
              {row.label}
            </th>
            <td className="py-2 text-right">{money(row.amount)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row" colSpan={2} className="py-2 pr-4 text-left font-semibold">
            Total
          </th>
          <td className="py-2 text-right font-semibold" data-testid={totalTestId}>
            {formatMoney(total)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
