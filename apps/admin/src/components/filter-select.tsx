/** A list filter's select: "Any" (or `anyLabel`) first, then the given values with their labels. */
export function FilterSelect({
  label,
  name,
  value,
  options,
  anyLabel = 'Any',
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: readonly (readonly [value: string, label: string])[];
  anyLabel?: string;
}) {
  return (
    <label className="text-sm font-medium text-slate-900">
      {label}
      <select
        name={name}
        defaultValue={value ?? ''}
        className="mt-1 block h-11 w-full rounded-md border border-slate-400 bg-white px-3"
      >
        <option value="">{anyLabel}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}
