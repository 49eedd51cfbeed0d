import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from '../cx';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<AlertTone, { box: string; label: string }> = {
  info: { box: 'border-sky-300 bg-sky-50 text-sky-950', label: 'Note' },
  success: { box: 'border-emerald-300 bg-emerald-50 text-emerald-950', label: 'Done' },
  warning: { box: 'border-amber-300 bg-amber-50 text-amber-950', label: 'Warning' },
  error: { box: 'border-red-300 bg-red-50 text-red-950', label: 'Error' },
};

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  tone?: AlertTone;
  title?: ReactNode;
}

/**
 * A message box. Errors and warnings use `role="alert"` so they are announced when they
 * appear; the tone is also written as text, never carried by colour alone.
 */
export function Alert({ tone = 'info', title, className, children, ...rest }: AlertProps) {
  const style = tones[tone];
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div
      role={urgent ? 'alert' : 'status'}
      className={cx('rounded-md border px-4 py-3 text-sm', style.box, className)}
      {...rest}
    >
      <p className="font-semibold">{title ?? style.label}</p>
      {children ? <div className="mt-1">{children}</div> : null}
    </div>
  );
}
