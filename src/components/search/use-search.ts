'use client';

import { useEffect, useState } from 'react';
import type { DomainResults } from '@admin-hub/engine/search/search-all';

/** The cross-domain search (/api/search) for a term, debounced; earlier requests are aborted. */
export function useSearch(term: string): { results: DomainResults[]; busy: boolean } {
  const [state, setState] = useState<{ term: string; results: DomainResults[]; busy: boolean }>({ term: '', results: [], busy: false });
  const q = term.trim();

  useEffect(() => {
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState((s) => ({ ...s, busy: true }));
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        const results = response.ok ? ((await response.json()) as { results: DomainResults[] }).results : [];
        setState({ term: q, results, busy: false });
      } catch {
        // aborted by the next keystroke (its own request sets busy again)
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  // Results of an older term are never shown for a newer one.
  if (q.length < 2) return { results: [], busy: false };
  return { results: state.term === q ? state.results : [], busy: state.busy || state.term !== q };
}
