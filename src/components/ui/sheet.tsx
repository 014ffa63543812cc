'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Dialog as SheetPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from './cn';

/*
 * A side drawer: a Radix Dialog pinned to one edge, with the same focus trap, Escape and focus
 * return as Dialog. For details beside a list (an audit entry) or filters on a phone.
 */

export const Sheet = SheetPrimitive.Root;
export const SheetTrigger = SheetPrimitive.Trigger;
export const SheetClose = SheetPrimitive.Close;

const sides = {
  right: 'inset-y-0 right-0 h-full w-full max-w-xl border-l',
  left: 'inset-y-0 left-0 h-full w-full max-w-xl border-r',
  bottom: 'inset-x-0 bottom-0 max-h-[85vh] border-t',
} as const;

export function SheetContent({ className, children, side = 'right', ...props }: ComponentProps<typeof SheetPrimitive.Content> & { side?: keyof typeof sides }) {
  const t = useTranslations('ui');
  return (
    <SheetPrimitive.Portal>
      <SheetPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50" />
      <SheetPrimitive.Content
        // Radix makes the rest of the page inert (aria-hidden, focus trap) but does not say so itself.
        aria-modal="true"
        className={cn('fixed z-50 flex flex-col gap-4 overflow-y-auto bg-card p-5 text-card-foreground shadow-xl focus:outline-none', sides[side], className)}
        {...props}
      >
        {children}
        <SheetPrimitive.Close
          className="absolute top-3 right-3 cursor-pointer rounded-sm p-1 text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          aria-label={t('close')}
        >
          <X className="size-4" aria-hidden="true" />
        </SheetPrimitive.Close>
      </SheetPrimitive.Content>
    </SheetPrimitive.Portal>
  );
}

export function SheetTitle({ className, ...props }: ComponentProps<typeof SheetPrimitive.Title>) {
  return <SheetPrimitive.Title className={cn('pr-8 text-lg font-semibold', className)} {...props} />;
}

export function SheetDescription({ className, ...props }: ComponentProps<typeof SheetPrimitive.Description>) {
  return <SheetPrimitive.Description className={cn('text-sm text-muted-foreground', className)} {...props} />;
}
