import { CircleCheck, TriangleAlert } from 'lucide-react';
import type { Ref } from 'react';

/**
 * The outcome of a form action, announced to screen readers; nothing when there is none yet. An
 * error can take focus (tabIndex -1, not in the tab order) for forms that move focus to it.
 */
export function FormMessage({
  state,
  testId = 'form-message',
  ref,
}: {
  state: { error?: string; ok?: string };
  testId?: string;
  ref?: Ref<HTMLParagraphElement>;
}) {
  if (state.error) {
    return (
      <p
        ref={ref}
        tabIndex={-1}
        role="alert"
        className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm focus:outline-2 focus:outline-ring"
        data-testid={testId}
        data-kind="error"
      >
        <TriangleAlert className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" /> {state.error}
      </p>
    );
  }
  if (state.ok) {
    return (
      <p
        role="status"
        className="flex items-start gap-2 rounded-md border border-success/30 bg-success/10 px-3 py-2 text-sm"
        data-testid={testId}
        data-kind="ok"
      >
        <CircleCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" /> {state.ok}
      </p>
    );
  }
  return null;
}
