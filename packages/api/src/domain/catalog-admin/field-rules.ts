import type { z } from 'zod';
import { AppError } from '../../errors';

/**
 * A rule between fields of a catalog item (the end after the start, at most >= at least).
 * Written once, it checks a create input, an update input, and on update the stored item
 * merged with the changes: a rule that reads a field the update leaves out holds then.
 */
export interface FieldRule<Item> {
  path: Extract<keyof Item, string>;
  message: string;
  holds: (item: Partial<Item>) => boolean;
}

/** The rules as a zod refinement: each broken rule is an issue on its field. */
export function refineWith<Item>(rules: readonly FieldRule<Item>[]) {
  return (item: Partial<Item>, ctx: z.RefinementCtx) => {
    for (const rule of rules)
      if (!rule.holds(item))
        ctx.addIssue({ code: 'custom', path: [rule.path], message: rule.message });
  };
}

/** An update's changes over the stored item, refused when the result breaks a rule. */
export function mergeChecked<Item extends object>(
  rules: readonly FieldRule<Item>[],
  stored: Item,
  changes: Partial<Item>,
): Item {
  const given = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<Item>;
  const merged = { ...stored, ...given };
  const broken = rules.find((rule) => !rule.holds(merged));
  if (broken)
    throw new AppError('VALIDATION', `${broken.path}: ${broken.message}`, { field: broken.path });
  return merged;
}
