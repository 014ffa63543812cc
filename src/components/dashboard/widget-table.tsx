import type { TableDisplay, WidgetRow } from '@admin-hub/engine/dashboard/types';
import { useTranslations } from 'next-intl';
import { cn } from '../ui/cn';
import { useDashboardFormat } from './format';

/** A compact table of a widget's rows; formatted columns are numbers, right-aligned. */
export function WidgetTable({ display, rows }: { display: TableDisplay; rows: WidgetRow[] }) {
  const t = useTranslations('dashboard');
  const f = useDashboardFormat();
  const columns = display.columns.map((c) => (typeof c === 'string' ? { column: c, label: c, format: undefined } : { ...c, label: c.label ?? c.column }));
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-muted-foreground">{t('noRows')}</p>;
  return (
    <div className="-mx-1 overflow-x-auto">
      <table className="w-full text-sm" data-testid="widget-table">
        <thead>
          <tr className="border-b text-left text-xs text-muted-foreground">
            {columns.map((c) => (
              <th key={c.column} scope="col" className={cn('px-1 pb-2 font-medium', c.format && 'text-right')}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="border-b last:border-0">
              {columns.map((c) => (
                <td key={c.column} className={cn('px-1 py-2 text-foreground', c.format ? 'text-right tabular-nums' : 'max-w-48 truncate')}>
                  {f.cell(row[c.column], c.format)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
