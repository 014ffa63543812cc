import { Inbox } from 'lucide-react';
import type { ResourceEmptyState } from './types';

/** What a list shows when there are no rows: says so, and offers the page's next step. */
export function EmptyState({ title, description, action }: ResourceEmptyState) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 px-4 py-14 text-center" data-testid="empty-state">
      <span className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <Inbox aria-hidden="true" className="size-5" />
      </span>
      <h2 className="font-medium text-foreground">{title}</h2>
      {description ? <p className="max-w-sm text-sm text-muted-foreground">{description}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
