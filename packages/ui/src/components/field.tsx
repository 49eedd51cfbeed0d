import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { cx } from '../cx';

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  invalid?: boolean;
}

export function Input({ invalid = false, className, ...rest }: InputProps) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={cx(
        'block h-11 w-full rounded-md border bg-white px-3 text-base text-slate-900 shadow-sm',
        'placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1',
        invalid
          ? 'border-red-700 focus-visible:outline-red-700'
          : 'border-slate-400 focus-visible:outline-brand-600',
        className,
      )}
      {...rest}
    />
  );
}

export interface FieldProps extends Omit<InputProps, 'id' | 'invalid'> {
  label: ReactNode;
  /** Guidance shown under the field while there is no error. */
  hint?: ReactNode;
  /** Error messages for this field (e.g. an API's `fieldErrors[name]`); shown and announced. */
  errors?: readonly string[] | string | null;
}

/** A labelled input with its hint and error text wired through `aria-describedby`. */
export function Field({ label, hint, errors, className, required, ...inputProps }: FieldProps) {
  const id = useId();
  const messages = typeof errors === 'string' ? [errors] : (errors ?? []);
  const invalid = messages.length > 0;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');

  return (
    <div className={cx('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-red-700">
            {' '}
            *
          </span>
        ) : null}
      </label>
      <Input
        id={id}
        invalid={invalid}
        required={required}
        aria-describedby={describedBy || undefined}
        {...inputProps}
      />
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
