import type { ComponentProps } from 'react';
import { cn } from './cn';

export type BadgeVariant = 'default' | 'secondary' | 'outline' | 'success' | 'warning' | 'destructive';

const variantClasses: Record<BadgeVariant, string> = {
  default: 'border-transparent bg-primary text-primary-foreground',
  secondary: 'border-transparent bg-secondary text-secondary-foreground',
  outline: 'border-border text-foreground',
  // Tinted backgrounds with full-strength text keep the label readable in both themes.
  success: 'border-success/30 bg-success/15 text-foreground',
  warning: 'border-warning/40 bg-warning/20 text-foreground',
  destructive: 'border-destructive/30 bg-destructive/15 text-foreground',
};

export type BadgeProps = ComponentProps<'span'> & { variant?: BadgeVariant };

export function Badge({ variant = 'default', className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex w-fit shrink-0 items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&_svg]:size-3',
        variantClasses[variant],
        className,
      )}
      {...props}
    />
  );
}
