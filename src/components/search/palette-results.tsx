'use client';

import { Command } from 'cmdk';
import { FileText } from 'lucide-react';
import type { DomainResults } from '@admin-hub/engine/search/search-all';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { itemClasses } from './palette-item';

/**
 * The cross-domain search hits as palette options, one group per domain and resource. A domain
 * that could not answer is still listed, with why, so missing results are visible.
 */
export function PaletteResults({ results, onOpen }: { results: DomainResults[]; onOpen: (item: { label: string; href: string; hint: string }) => void }) {
  const t = useTranslations('search');
  return (
    <>
      {results.map((d) => (
        <div key={d.domain} data-testid={`search-domain-${d.domain}`}>
          {d.status !== 'ok' ? (
            <p className="flex items-center gap-2 px-2 py-1.5 text-xs text-muted-foreground">
              {d.domain}
              <Badge variant="warning" data-testid={`search-missing-${d.domain}`}>
                {t('resultsMissing', { status: t(`status.${d.status}`) })}
              </Badge>
              {d.error}
            </p>
          ) : null}
          {d.groups.map((g) => (
            <Command.Group key={g.resource} heading={`${g.title} · ${d.domain}`}>
              {g.note ? (
                <p className="px-2 py-1 text-xs text-muted-foreground" data-testid={`search-note-${d.domain}-${g.resource}`}>
                  {g.note}
                </p>
              ) : null}
              {g.hits.map((h) => (
                <Command.Item
                  key={h.id}
                  value={`hit:${d.domain}:${g.resource}:${h.id}`}
                  onSelect={() => onOpen({ label: h.label, href: h.href, hint: `${g.title} · ${d.domain}` })}
                  className={itemClasses}
                  data-href={h.href}
                  data-testid="palette-hit"
                >
                  <FileText aria-hidden="true" />
                  <span className="truncate">{h.label}</span>
                </Command.Item>
              ))}
            </Command.Group>
          ))}
        </div>
      ))}
    </>
  );
}
