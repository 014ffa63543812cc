'use client';

import { Command } from 'cmdk';
import type { ReactNode } from 'react';
import type { PaletteCommand } from './palette-types';

/** cmdk marks the option under the arrow keys with data-selected; that is the highlight. */
export const itemClasses =
  'flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm select-none data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground';

export function PaletteItem({ item, icon, onOpen }: { item: PaletteCommand; icon: ReactNode; onOpen: (item: PaletteCommand) => void }) {
  return (
    <Command.Item value={item.id} onSelect={() => onOpen(item)} className={itemClasses} data-href={item.href} data-testid="palette-item">
      {icon}
      <span className="truncate">{item.label}</span>
      {item.hint ? <span className="ml-auto shrink-0 text-xs text-muted-foreground">{item.hint}</span> : null}
    </Command.Item>
  );
}
