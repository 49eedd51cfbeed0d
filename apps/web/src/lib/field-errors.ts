export type FieldErrors = Partial<Record<string, string[]>>;

/** Errors keyed by path ("contact.email", "attendees.0.name"), from an API schema's issues. */
export function errorsByPath(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] = [...(errors[path] ?? []), issue.message];
  }
  return errors;
}
