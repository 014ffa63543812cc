import { useTranslations } from 'next-intl';
import { changedColumns, changeKind, clipLine, columnLabel, fullLength, valueText, type Changes } from './change-values';

/** Characters of one value shown in the list: enough to recognise it, never enough to widen the row. */
const SUMMARY_CHARS = 40;

function Shown({ value, tone }: { value: unknown; tone: 'before' | 'after' | 'plain' }) {
  const t = useTranslations('audit');
  const text = valueText(value);
  if (text === undefined) return <span className="text-muted-foreground italic">{t('empty')}</span>;
  const color = tone === 'before' ? 'text-rose-700 dark:text-rose-400' : tone === 'after' ? 'text-green-700 dark:text-green-400' : '';
  return <span className={color}>{clipLine(text, SUMMARY_CHARS, fullLength(value))}</span>;
}

/**
 * The first few columns an entry changed, as "Words: 120 → 777" lines labelled in the changed
 * resource's own words (for a create or a delete: the values it had). Long values are cut to
 * one short line; masked values read as stored (masked).
 */
export function ChangesSummary({ changes, labels, max = 3 }: { changes: Changes; labels?: Record<string, string>; max?: number }) {
  const t = useTranslations('audit');
  const columns = changedColumns(changes);
  if (columns.length === 0) return <span className="text-muted-foreground">—</span>;
  const kind = changeKind(changes);
  return (
    <ul className="flex max-w-md min-w-48 flex-col gap-0.5 text-xs" data-testid="audit-changes">
      {columns.slice(0, max).map((column) => (
        <li key={column} className="truncate" data-testid="audit-change" data-column={column}>
          <span className="font-medium">{columnLabel(labels, column)}:</span>{' '}
          {kind === 'update' ? (
            <>
              <Shown value={changes!.before![column]} tone="before" />
              {' → '}
              <Shown value={changes!.after![column]} tone="after" />
            </>
          ) : (
            <Shown value={(changes!.after ?? changes!.before)![column]} tone="plain" />
          )}
        </li>
      ))}
      {columns.length > max ? <li className="text-muted-foreground">{t('andMore', { count: columns.length - max })}</li> : null}
    </ul>
  );
}

/** The same summary as one line of text ("Words: 120 → 777; Title: A → B"), for titles and exports. */
export function changesSummary(changes: Changes, labels?: Record<string, string>, max = 3): string {
  const columns = changedColumns(changes);
  const show = (v: unknown) => {
    const text = valueText(v);
    return text === undefined ? 'empty' : clipLine(text, SUMMARY_CHARS, fullLength(v));
  };
  const parts = columns
    .slice(0, max)
    .map((c) =>
      changeKind(changes) === 'update'
        ? `${columnLabel(labels, c)}: ${show(changes!.before![c])} → ${show(changes!.after![c])}`
        : `${columnLabel(labels, c)}: ${show((changes!.after ?? changes!.before)![c])}`,
    );
  return parts.join('; ') + (columns.length > max ? ` (+${columns.length - max} more)` : '');
}
