import { type CheckoutSession, type LineItem } from '../objects/types';
import { escapeHtml, formatAmount } from './format';

export const DECLINED_MESSAGE = 'Your card was declined. Try again or use another card.';

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, sans-serif; }
  body { margin: 0; background: #f6f8fa; color: #1a1f36; }
  main { max-width: 32rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: .75rem; box-shadow: 0 1px 3px #0002; }
  .notice { border: 2px dashed #b45309; background: #fffbeb; padding: .75rem; border-radius: .5rem; }
  .alert { border-left: .375rem solid #b91c1c; background: #fef2f2; padding: .75rem; margin: 1rem 0; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  th, td { text-align: left; padding: .5rem .25rem; border-bottom: 1px solid #e3e8ee; }
  td.amount, th.amount { text-align: right; }
  tfoot th, tfoot td { font-weight: 700; border-bottom: none; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .625rem; font-size: 1rem; border: 1px solid #8792a2; border-radius: .375rem; }
  .actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1.25rem; }
  button { font-size: 1rem; padding: .75rem 1.25rem; border-radius: .375rem; border: 2px solid #1a1f36; background: #fff; cursor: pointer; }
  button.pay { background: #635bff; border-color: #635bff; color: #fff; flex: 1 1 100%; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  button:focus-visible, input:focus-visible { outline: 3px solid #0a66c2; outline-offset: 2px; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="notice" role="note"><strong>Stripe simulator — test payments, no real money.</strong></p>
${body}
</main>
</body>
</html>`;
}

function lineRows(lineItems: LineItem[]): string {
  return lineItems
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.description)}</td><td>${item.quantity}</td><td class="amount">${formatAmount(item.amount_total, item.currency)}</td></tr>`,
    )
    .join('\n');
}

export interface CheckoutPageState {
  session: CheckoutSession;
  lineItems: LineItem[];
  declined: boolean;
}

export function checkoutPage({ session, lineItems, declined }: CheckoutPageState): string {
  const total = formatAmount(session.amount_total, session.currency);
  const summary = `
<table>
<caption class="visually-hidden">Order summary</caption>
<thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col" class="amount">Amount</th></tr></thead>
<tbody>
${lineRows(lineItems)}
</tbody>
<tfoot><tr><th scope="row" colspan="2">Total</th><td class="amount" data-testid="total">${total}</td></tr></tfoot>
</table>`;

  if (session.status === 'complete') {
    return layout(
      'Payment complete',
      `<h1>Payment complete</h1>${summary}<p>This checkout session has already been paid.</p>`,
    );
  }
  if (session.status === 'expired') {
    return layout(
      'Checkout expired',
      `<h1>This checkout session has expired</h1>${summary}<p>Start again from the booking page to get a new one.</p>`,
    );
  }

  const alert = declined ? `<div class="alert" role="alert">${DECLINED_MESSAGE}</div>` : '';
  const emailField = session.customer_email
    ? `<p>Paying as <strong>${escapeHtml(session.customer_email)}</strong></p>`
    : `<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" value="customer@example.com">`;
  return layout(
    `Pay ${total}`,
    `<h1>Pay ${total}</h1>
${alert}
${summary}
<form method="post" action="/pay/${encodeURIComponent(session.id)}">
${emailField}
<div class="actions">
<button type="submit" name="action" value="pay" class="pay">Pay</button>
<button type="submit" name="action" value="decline">Decline (card declined)</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</div>
</form>`,
  );
}

export function notFoundPage(): string {
  return layout(
    'Checkout not found',
    '<h1>Checkout session not found</h1><p>Check the link, or start again from the booking page.</p>',
  );
}
