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
      // Styles: `ui-checkbox` in globals.css (a checkbox on every row of a list).
      className={className ? cn('ui-checkbox', className) : 'ui-checkbox'}
      {...props}
    />
  );
}
