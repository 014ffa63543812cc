'use client';

import { useEffect, useRef } from 'react';
import type { ActionState } from './form-state';

/**
 * After a refused submit, focus goes to what needs fixing (`target()`: a field, or the message),
 * so a keyboard or screen-reader user is not left on <body> when the form re-renders. Once per
 * answer, never on the first render.
 */
export function useFocusOnError(state: ActionState, target: () => HTMLElement | null | undefined): void {
  const seen = useRef(state);
  useEffect(() => {
    if (seen.current === state) return;
    seen.current = state;
    if (state.error) target()?.focus();
  });
}
