import type { ComponentProps } from 'react';
import { cn } from './cn';

/** A pulsing placeholder block; hidden from assistive tech, which gets `aria-busy` instead. */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      aria-hidden="true"
      data-slot="skeleton"
      className={cn('animate-pulse rounded-md bg-muted motion-reduce:animate-none', className)}
      {...props}
    />
  );
}
