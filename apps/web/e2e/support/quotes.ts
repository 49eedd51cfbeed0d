import type { Db } from '@tessera/db';
import { createStaffUser } from '@tessera/db/seed';
import { createQuote, sendQuote } from '@tessera/api/domain/quotes/build';
import { concert } from './data';

const SITE_URL = 'http://127.0.0.1:3100';
const DAY_MS = 86_400_000;

/**
 * An agent's offer of 3 tickets at €29 with a €18 custom line and 10 % off (€94.50), sent:
 * made with the console's own domain calls, since this suite does not run the console.
 */
export async function sentQuote(db: Db, email: string) {
  const { org, occurrence, ticketType } = await concert(db, { priceAmount: 2900 });
  const { user } = await createStaffUser(db, { org, role: 'agent' });
  const staff = {
    orgId: org.id,
    role: 'agent' as const,
    actor: { userId: user.id, apiKeyId: null, label: user.email },
  };
  const quote = await createQuote(
    db,
    {
      contact: { name: 'Nora Group', email },
      inventory: {
        occurrenceId: occurrence.id,
        tickets: [{ ticketTypeId: ticketType.id, quantity: 3 }],
      },
      customLines: [{ description: 'Welcome drinks', amount: 1800 }],
      adjustment: { kind: 'percent', value: -1000 },
      validUntil: new Date(Date.now() + 3 * DAY_MS),
    },
    staff,
    { requestId: 'e2e-quote' },
  );
  const { offerUrl } = await sendQuote(db, quote.id, staff, {
    requestId: 'e2e-quote',
    siteUrl: SITE_URL,
  });
  return { org, quote, path: new URL(offerUrl).pathname };
}
