import type { ComponentProps } from 'react';
import { cn } from './cn';

export type BadgeVariant = 'default' | 'secondary' | 'outline' | 'success' | 'warning' | 'destructive';

export type BadgeProps = ComponentProps<'span'> & { variant?: BadgeVariant };

/** A small label. Its styles are the `ui-badge` classes in globals.css: badges repeat on every row of a list. */
export function Badge({ variant = 'default', className, ...props }: BadgeProps) {
  const classes = `ui-badge ui-badge-${variant}`;
  return <span className={className ? cn(classes, className) : classes} {...props} />;
}
