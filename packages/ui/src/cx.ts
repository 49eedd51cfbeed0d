/** Joins class names, skipping falsy ones: enough for this package without another dependency. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
