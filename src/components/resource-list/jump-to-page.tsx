'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** Jump-to-page is the one place the list uses OFFSET: only when the operator asks for a page by number. */
export function JumpToPage({ current, onJump }: { current: string | undefined; onJump: (page: number) => void }) {
  const [draft, setDraft] = useState(current ?? '');
  return (
    <form
      className="flex items-center gap-1"
      data-testid="jump-to-page"
      onSubmit={(e) => {
        e.preventDefault();
        const page = Number(draft);
        if (Number.isInteger(page) && page >= 1) onJump(page);
      }}
    >
      <Input
        aria-label="Page number"
        placeholder="Page"
        inputMode="numeric"
        className="w-20"
        value={draft}
        onChange={(e) => setDraft(e.target.value.replace(/\D/g, ''))}
      />
      <Button type="submit" variant="outline" size="sm" disabled={draft === ''}>
        Go
      </Button>
    </form>
  );
}
