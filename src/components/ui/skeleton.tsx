import type { ComponentProps } from 'react';
import { cn } from './cn';

/** A pulsing placeholder block (`ui-skeleton` in globals.css); hidden from assistive tech, which gets `aria-busy` instead. */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return <div aria-hidden="true" data-slot="skeleton" className={className ? cn('ui-skeleton', className) : 'ui-skeleton'} {...props} />;
}
