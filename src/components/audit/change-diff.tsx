import { useTranslations } from 'next-intl';
import { changedColumns, changeKind, columnLabel, type Changes } from './change-values';
import { FoldedValue } from './folded-value';

/**
 * Every column an entry names, labelled, with its value before and after (a create or a delete
 * has one side). The table's layout is fixed: the field and each side get their share of the
 * width whatever the values hold, so a 5,000-character text wraps in its own column instead of
 * squeezing its neighbour to one character per line.
 */
export function ChangeDiff({ changes, labels, masked = [] }: { changes: Changes; labels?: Record<string, string>; masked?: string[] }) {
  const t = useTranslations('audit');
  const columns = changedColumns(changes);
  if (columns.length === 0) return null;
  const kind = changeKind(changes);
  const sides: { key: 'before' | 'after'; title: string; tone: string }[] =
    kind === 'update'
      ? [
          { key: 'before', title: t('before'), tone: 'text-rose-700 dark:text-rose-400' },
          { key: 'after', title: t('after'), tone: 'text-green-700 dark:text-green-400' },
        ]
      : [{ key: kind === 'create' ? 'after' : 'before', title: kind === 'create' ? t('value') : t('valueRemoved'), tone: '' }];
  return (
    <table className="w-full table-fixed border-collapse text-xs" data-testid="change-diff">
      <colgroup>
        <col className={kind === 'update' ? 'w-[24%]' : 'w-[30%]'} />
        {sides.map((s) => (
          <col key={s.key} />
        ))}
      </colgroup>
      <thead>
        <tr className="text-left text-muted-foreground">
          <th scope="col" className="py-1 pr-2 font-medium">
            {t('field')}
          </th>
          {sides.map((s) => (
            <th key={s.key} scope="col" className="py-1 pr-2 font-medium">
              {s.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => (
          <tr key={column} className="border-t align-top" data-testid="change-row" data-column={column}>
            <th scope="row" className="py-1.5 pr-2 text-left font-medium break-words">
              {columnLabel(labels, column)}
              {masked.includes(column) ? <span className="block font-normal text-muted-foreground">{t('storedMasked')}</span> : null}
            </th>
            {sides.map((s) => (
              <td key={s.key} className={`py-1.5 pr-2 ${s.tone}`} data-testid={`change-${s.key}`}>
                <FoldedValue value={changes![s.key]![column]} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
