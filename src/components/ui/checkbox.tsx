'use client';

import { useEffect, useImperativeHandle, useRef, type ComponentProps } from 'react';
import { cn } from './cn';

export type CheckboxProps = Omit<ComponentProps<'input'>, 'type'> & {
  /** "Some but not all". Only settable from script (hence the effect); browsers expose it as "mixed". */
  indeterminate?: boolean;
};

/** A native checkbox (keyboard, forms and screen readers work for free), tinted with the theme. */
export function Checkbox({ indeterminate = false, className, ref, ...props }: CheckboxProps) {
  const inner = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => inner.current as HTMLInputElement);

  useEffect(() => {
    if (inner.current) inner.current.indeterminate = indeterminate;
  }, [indeterminate]);

  return (
    <input
      ref={inner}
      type="checkbox"
      className={cn(
        'size-4 shrink-0 cursor-pointer rounded border-input accent-primary',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
        'disabled:cursor-not-allowed disabled:opacity-50',
        className,
      )}
      {...props}
    />
  );
}
