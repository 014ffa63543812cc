import { ChevronDown } from 'lucide-react';
import type { ComponentProps } from 'react';
import { cn } from './cn';

export type SelectProps = ComponentProps<'select'> & {
  /** Classes for the wrapper, which carries the layout (width, margins). */
  containerClassName?: string;
};

/**
 * A styled native <select>: on phones it opens the OS picker, and `color-scheme` from the theme
 * makes its option list dark in dark mode without custom popover code.
 */
export function Select({ className, containerClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn('relative inline-flex', containerClassName)}>
      <select
        className={cn(
          'h-9 w-full min-w-0 cursor-pointer appearance-none rounded-md border border-input bg-card py-1 pr-8 pl-3 text-sm text-foreground shadow-xs',
          'focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40',
          'disabled:cursor-not-allowed disabled:opacity-50',
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown aria-hidden="true" className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
