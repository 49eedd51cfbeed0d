import { sql, type Kysely } from 'kysely';

/**
 * What a staff quote needs beyond 0006's row: the inventory it offers (the engine's hold
 * request, held only when the customer accepts), its lines' subtotal, the markup or discount
 * as staff typed it, and when it was sent and accepted. A quote staff take back is
 * `withdrawn`, the word the console uses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE quotes SET status = 'withdrawn' WHERE status = 'cancelled';
    ALTER TABLE quotes DROP CONSTRAINT quotes_status_check;
    ALTER TABLE quotes ADD CONSTRAINT quotes_status_check
      CHECK (status IN ('draft', 'sent', 'accepted', 'expired', 'withdrawn'));

    ALTER TABLE quotes
      ADD COLUMN offering_id uuid,
      -- The hold request (seats, tickets or a slot), superjson-encoded; null for custom lines only.
      ADD COLUMN inventory jsonb,
      ADD COLUMN subtotal_amount integer NOT NULL DEFAULT 0 CHECK (subtotal_amount >= 0),
      ADD COLUMN adjustment_kind text NOT NULL DEFAULT 'none'
        CHECK (adjustment_kind IN ('none', 'percent', 'fixed')),
      -- percent: basis points (-1000 = 10 % off); fixed: minor units. Negative is a discount.
      ADD COLUMN adjustment_value integer NOT NULL DEFAULT 0,
      ADD COLUMN sent_at timestamptz,
      ADD COLUMN accepted_at timestamptz,
      ADD CONSTRAINT quotes_org_id_key UNIQUE (org_id, id),
      ADD CONSTRAINT quotes_offering_fkey FOREIGN KEY (org_id, offering_id)
        REFERENCES offerings (org_id, id),
      ADD CONSTRAINT quotes_total_adds_up CHECK (total_amount = subtotal_amount + adjustment_amount),
      ADD CONSTRAINT quotes_inventory_has_offering CHECK (inventory IS NULL OR offering_id IS NOT NULL),
      -- A quote is sent with its link (token) and a validity date; accepted with its booking.
      ADD CONSTRAINT quotes_sent_has_link
        CHECK (status IN ('draft', 'withdrawn') OR (token_hash IS NOT NULL AND expires_at IS NOT NULL)),
      ADD CONSTRAINT quotes_accepted_has_booking CHECK (status <> 'accepted' OR booking_id IS NOT NULL);
  `.execute(db);
}
