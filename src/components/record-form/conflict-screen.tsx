'use client';

import { GitCompareArrows } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { ResolvedColumn } from '@admin-hub/engine/resources/types';
import { describeFormValue } from './display';
import { sameValue, type FormValues } from './values';

export interface ConflictScreenProps {
  columns: ResolvedColumn[];
  /** The values the form was opened with. */
  initial: FormValues;
  /** The row as saved now (form values). */
  theirs: FormValues;
  /** What this operator tried to save: only the fields they changed. */
  yours: FormValues;
  pending?: boolean;
  onKeepTheirs: () => void;
  onSaveMine: () => void;
}

/**
 * Someone saved this record after the form was opened. Every field either side changed is
 * listed with the saved value ("theirs") next to the one this operator typed ("yours"); they
 * choose: reload with theirs, or save theirs over with their own changes.
 */
export function ConflictScreen({ columns, initial, theirs, yours, pending, onKeepTheirs, onSaveMine }: ConflictScreenProps) {
  const t = useTranslations('form');
  const words = { t, format: useFormatter() };
  const rows = columns
    .map((column) => {
      const mine = column.name in yours;
      const theirsChanged = !sameValue(column.type, theirs[column.name] ?? '', initial[column.name] ?? '');
      return { column, mine, theirsChanged };
    })
    .filter((r) => r.mine || r.theirsChanged);
  return (
    <Card role="alert" className="border-warning/50" data-testid="conflict-screen">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <GitCompareArrows className="size-5 text-warning" aria-hidden="true" /> {t('conflict.title')}
        </CardTitle>
        <CardDescription>{t('conflict.description')}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="overflow-x-auto rounded-md border">
          <table className="w-full text-sm">
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('conflict.field')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('conflict.theirs')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('conflict.yours')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ column, mine, theirsChanged }) => {
                const clash = mine && theirsChanged && !sameValue(column.type, theirs[column.name] ?? '', yours[column.name] ?? '');
                return (
                  <tr key={column.name} className="border-t align-top" data-testid={`conflict-row-${column.name}`} data-clash={clash ? 'true' : 'false'}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      <span className="flex flex-wrap items-center gap-1">
                        {column.label}
                        {clash ? <Badge variant="warning">{t('conflict.bothChanged')}</Badge> : null}
                      </span>
                    </th>
                    <td className="px-3 py-2">
                      <span className="font-mono text-xs whitespace-pre-wrap break-words" data-testid={`conflict-theirs-${column.name}`}>
                        {describeFormValue(column, theirs[column.name], words)}
                      </span>
                      {theirsChanged ? null : <span className="block text-xs text-muted-foreground">{t('conflict.unchanged')}</span>}
                    </td>
                    <td className="px-3 py-2">
                      {mine ? (
                        <span className="font-mono text-xs whitespace-pre-wrap break-words" data-testid={`conflict-yours-${column.name}`}>
                          {describeFormValue(column, yours[column.name], words)}
                        </span>
                      ) : (
                        <span className="text-xs text-muted-foreground" data-testid={`conflict-yours-${column.name}`}>
                          {t('conflict.notChangedByYou')}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={onKeepTheirs} disabled={pending} data-testid="conflict-keep-theirs">
            {t('conflict.keepTheirs')}
          </Button>
          <Button variant="destructive" onClick={onSaveMine} disabled={pending} data-testid="conflict-save-mine">
            {pending ? t('conflict.saving') : t('conflict.saveMine')}
          </Button>
        </div>
        <p className="text-xs text-muted-foreground">{t('conflict.note')}</p>
      </CardContent>
    </Card>
  );
}
