import { assertMinorUnits, percentOf } from './money';

/** One dynamic pricing step (a `price_rules` row), already filtered to the ticket type. */
export interface PriceRuleInput {
  kind: 'occupancy' | 'time_to_start';
  /** occupancy: percent sold or held (0..100); time_to_start: hours before the start. */
  threshold: number;
  adjustmentKind: 'percent_bp' | 'amount';
  /** Basis points (1000 = +10 %) or minor units; negative values are discounts. */
  adjustmentValue: number;
  priority: number;
  /** null: the rule applies to every ticket type of the offering. */
  ticketTypeId: string | null;
}

export interface DynamicPricingState {
  /** Sold + live-held over capacity, in percent (may be fractional). */
  occupancyPercent: number;
  /** Hours until the occurrence starts (fractional; negative once started). */
  hoursToStart: number;
}

function applies(rule: PriceRuleInput, state: DynamicPricingState): boolean {
  return rule.kind === 'occupancy'
    ? state.occupancyPercent >= rule.threshold
    : state.hoursToStart <= rule.threshold;
}

/**
 * Which of two applicable rules of the same kind wins: the step reached furthest (occupancy:
 * highest threshold; time: lowest threshold, the closest to the start), then higher priority,
 * then a rule for this ticket type over an offering-wide one.
 */
function beats(candidate: PriceRuleInput, current: PriceRuleInput): boolean {
  if (candidate.threshold !== current.threshold) {
    return candidate.kind === 'occupancy'
      ? candidate.threshold > current.threshold
      : candidate.threshold < current.threshold;
  }
  if (candidate.priority !== current.priority) return candidate.priority > current.priority;
  return candidate.ticketTypeId !== null && current.ticketTypeId === null;
}

/** The winning step of each kind, at most one per kind. */
export function winningRules(
  rules: readonly PriceRuleInput[],
  state: DynamicPricingState,
): PriceRuleInput[] {
  const winners = new Map<PriceRuleInput['kind'], PriceRuleInput>();
  for (const rule of rules) {
    if (!applies(rule, state)) continue;
    const current = winners.get(rule.kind);
    if (!current || beats(rule, current)) winners.set(rule.kind, rule);
  }
  return [...winners.values()];
}

/**
 * The unit price now, in minor units: `base` plus the winning occupancy step and the winning
 * time-to-start step, each computed on `base` (so their order does not matter), never below 0.
 */
export function dynamicUnitPrice(
  base: number,
  rules: PriceRuleInput[],
  ctx: DynamicPricingState,
): number {
  assertMinorUnits(base, 'base price');
  let price = base;
  for (const rule of winningRules(rules, ctx)) {
    assertMinorUnits(rule.adjustmentValue, 'price rule adjustment');
    price +=
      rule.adjustmentKind === 'percent_bp'
        ? percentOf(base, rule.adjustmentValue)
        : rule.adjustmentValue;
  }
  return Math.max(0, price);
}
