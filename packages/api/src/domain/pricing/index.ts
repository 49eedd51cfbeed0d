/** Prices in integer minor units: pure rules plus the loader that feeds them for one occurrence. */
export { allocateProportionally, divideRounded, percentOf } from './money';
export {
  dynamicUnitPrice,
  winningRules,
  type DynamicPricingState,
  type PriceRuleInput,
} from './dynamic';
export {
  applyPromo,
  priceBreakdown,
  taxOf,
  type PriceBreakdown,
  type PriceLine,
  type PriceLineInput,
  type PromoDiscount,
  type TaxRateInput,
} from './breakdown';
export {
  loadPricingContext,
  occupancyOf,
  remainingOf,
  rulesFor,
  seatTicketType,
  unitPriceFor,
  type PricingContext,
  type PricingTicketType,
  type StockCount,
} from './context';
