import { assertMinorUnits, divideRounded, percentOf } from './money';

export interface PromoDiscount {
  /** percent_bp: basis points of the subtotal (1000 = 10 %); amount: minor units. */
  discountKind: 'percent_bp' | 'amount';
  discountValue: number;
}

export interface TaxRateInput {
  /** 2000 = 20 %. */
  rateBasisPoints: number;
  /** Whether amounts already include the tax (European consumer prices do). */
  inclusive: boolean;
}

/** The discount a promo gives on `subtotal`: rounded half away from zero, never above it. */
export function applyPromo(subtotal: number, promo: PromoDiscount): number {
  assertMinorUnits(subtotal, 'subtotal');
  assertMinorUnits(promo.discountValue, 'promo discount');
  const discount =
    promo.discountKind === 'percent_bp'
      ? percentOf(subtotal, promo.discountValue)
      : promo.discountValue;
  return Math.min(Math.max(0, discount), Math.max(0, subtotal));
}

/**
 * Splits `amount` into net, tax and gross. Inclusive: `amount` is the gross and the tax is
 * the part of it at the rate (gross * r / (1 + r)); exclusive: `amount` is the net and the
 * tax comes on top. Rounded half away from zero; net + tax = gross always holds.
 */
export function taxOf(
  amount: number,
  rate: TaxRateInput | null,
): { net: number; tax: number; gross: number } {
  assertMinorUnits(amount, 'taxable amount');
  if (!rate || rate.rateBasisPoints === 0) return { net: amount, tax: 0, gross: amount };
  if (rate.inclusive) {
    const tax = divideRounded(amount * rate.rateBasisPoints, 10_000 + rate.rateBasisPoints);
    return { net: amount - tax, tax, gross: amount };
  }
  const tax = percentOf(amount, rate.rateBasisPoints);
  return { net: amount, tax, gross: amount + tax };
}

export interface PriceLineInput {
  description: string;
  quantity: number;
  unitAmount: number;
}

export interface PriceLine extends PriceLineInput {
  /** quantity * unitAmount. */
  amount: number;
}

export interface PriceBreakdown {
  lines: PriceLine[];
  subtotal: number;
  discount: number;
  tax: number;
  /** What the customer pays: subtotal - discount, plus the tax when it is exclusive. */
  total: number;
  currency: string;
}

/**
 * The totals of an order. The promo applies to the subtotal, and tax to what remains after
 * the discount (a discount lowers the taxable base). Inclusive tax is part of the total;
 * exclusive tax is added to it.
 */
export function priceBreakdown(
  lines: PriceLineInput[],
  opts: { currency: string; promo?: PromoDiscount | null; taxRate?: TaxRateInput | null },
): PriceBreakdown {
  const priced = lines.map((line) => {
    assertMinorUnits(line.unitAmount, `unit amount of "${line.description}"`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) {
      throw new RangeError(
        `quantity of "${line.description}" must be a non-negative integer, got ${line.quantity}`,
      );
    }
    return { ...line, amount: line.quantity * line.unitAmount };
  });
  const subtotal = priced.reduce((sum, line) => sum + line.amount, 0);
  const discount = opts.promo ? applyPromo(subtotal, opts.promo) : 0;
  const taxed = taxOf(subtotal - discount, opts.taxRate ?? null);
  return {
    lines: priced,
    subtotal,
    discount,
    tax: taxed.tax,
    total: taxed.gross,
    currency: opts.currency,
  };
}
