import type { IconColor } from './types';

/**
 * Whole class strings per colour: Tailwind only generates classes it can read literally in the
 * source, so `bg-${color}-100` would silently produce nothing.
 */
export const iconColorClasses: Record<IconColor, string> = {
  blue: 'bg-blue-100 text-blue-700 ring-blue-600/15 dark:bg-blue-400/15 dark:text-blue-300 dark:ring-blue-400/25',
  green: 'bg-emerald-100 text-emerald-700 ring-emerald-600/15 dark:bg-emerald-400/15 dark:text-emerald-300 dark:ring-emerald-400/25',
  amber: 'bg-amber-100 text-amber-800 ring-amber-600/20 dark:bg-amber-400/15 dark:text-amber-300 dark:ring-amber-400/25',
  rose: 'bg-rose-100 text-rose-700 ring-rose-600/15 dark:bg-rose-400/15 dark:text-rose-300 dark:ring-rose-400/25',
  violet: 'bg-violet-100 text-violet-700 ring-violet-600/15 dark:bg-violet-400/15 dark:text-violet-300 dark:ring-violet-400/25',
};
