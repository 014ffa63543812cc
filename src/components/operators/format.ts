import { useFormatter } from 'next-intl';
import { INSTANT_MINUTES } from '@/components/ui/date-formats';

/** An instant in the operator's language and zone, the zone named ("Nov 26, 2026, 10:55 GMT+9"); '—' when there is none. */
export function useDateTime(): (iso: string | null | undefined) => string {
  const format = useFormatter();
  return (iso) => (iso ? format.dateTime(new Date(iso), INSTANT_MINUTES) : '—');
}
