/** A native select styled like the console's inputs. */
export const selectClasses =
  'block h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900';
