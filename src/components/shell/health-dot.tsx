import { cn } from '../ui/cn';

/** A coloured dot with a text equivalent; nothing when health was not checked. */
export function HealthDot({ healthy }: { healthy?: boolean }) {
  if (healthy === undefined) return null;
  return (
    <span className="inline-flex items-center" data-testid="health-dot" data-healthy={healthy}>
      <span aria-hidden="true" className={cn('size-2 rounded-full', healthy ? 'bg-success' : 'bg-destructive')} />
      <span className="sr-only">{healthy ? 'healthy' : 'unavailable'}</span>
    </span>
  );
}
