'use server';

import { getTranslations } from 'next-intl/server';
import { currentHub } from '@admin-hub/engine/hub';
import { findVisibleWidget, runWidget } from '@admin-hub/engine/dashboard';
import type { WidgetResult } from '@admin-hub/engine/dashboard/types';
import { sessionEnded } from '@/web/action-result';
import { currentOperator } from '@/web/operator';

/**
 * A widget's periodic refresh (refreshSeconds). A Server Action is a POST anyone could send:
 * the operator comes from the session again, and a widget of a domain they cannot see is
 * answered like an unknown one, without running anything.
 */
export async function refreshWidget(id: string): Promise<WidgetResult> {
  const operator = await currentOperator();
  const at = new Date().toISOString();
  if (!operator) return { ok: false, reason: 'forbidden', error: sessionEnded(), ms: 0, at };
  const widget = typeof id === 'string' ? findVisibleWidget(operator, currentHub().widgets, id) : undefined;
  if (!widget) return { ok: false, reason: 'forbidden', error: (await getTranslations('dashboard'))('noSuchWidget'), ms: 0, at };
  return runWidget(operator, widget);
}
